import Link from 'next/link';

/** The 403 page (forbidden() in lib/auth/viewer): signed in, but this page or region is not theirs. */
export default function Forbidden() {
  // Rendered inside the layout of the page that refused (app/(site): with its shell).
  return (
    <section className="card" data-access="denied" style={{ maxWidth: '40em' }}>
      <h1 style={{ marginTop: 0 }}>403 · 无权访问</h1>
      <p>您的账号无权查看此页面或该地区的数据。县（市、区）账号只能查看本县（市、区）的明细、全市汇总和其他县已公布的考核得分；管理功能仅对管理员开放。</p>
      <p style={{ marginBottom: 0 }}>
        <Link href="/">返回总览</Link> · 如需权限，请联系管理员。
      </p>
    </section>
  );
}
