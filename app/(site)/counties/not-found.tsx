// The boundary for both the county layout's check (an unknown code, before anything streams) and the page's.
import NotFoundPage from '../ui/NotFoundPage';

export default function NotFound() {
  return <NotFoundPage title="没有这个县（市、区）" message="地址中的行政区划代码不属于本市的县（市、区），请从县域画像列表中选择。" back={{ href: '/counties', label: '返回县域画像' }} />;
}
