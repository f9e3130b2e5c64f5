import NotFoundPage from '../../../ui/NotFoundPage';

export default function NotFound() {
  return <NotFoundPage title="没有这个导入批次" message="批次号不存在或格式不正确（批次号为正整数），请在导入批次列表中选择。" back={{ href: '/admin', label: '返回数据导入' }} />;
}
