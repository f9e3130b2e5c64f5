import { headers } from 'next/headers';
import NotFoundPage from './ui/NotFoundPage';

const WHAT = {
  county: { title: '没有这个县（市、区）', message: '地址中的行政区划代码不属于本市的县（市、区），请从县域画像列表中选择。', back: { href: '/counties', label: '返回县域画像' } },
  batch: { title: '没有这个导入批次', message: '批次号不存在或格式不正确（批次号为正整数），请在导入批次列表中选择。', back: { href: '/admin', label: '返回数据导入' } },
} as const;

/** The 404 page inside the shell of app/(site) (notFound() in its pages); app/not-found.tsx wraps it for unknown paths. */
export default async function NotFound() {
  // Set by proxy.ts when it refused a county or batch segment before rendering.
  const what = (await headers()).get('x-not-found');
  const known = what === 'county' || what === 'batch' ? WHAT[what] : null;
  return known ? <NotFoundPage {...known} /> : <NotFoundPage />;
}
