import Link from 'next/link';

/** Unknown county, year or scheme on the public report (Chinese, no login). */
export default function OpenNotFound() {
  return (
    <section style={{ maxWidth: 720, margin: '24px auto' }} aria-labelledby="nf-h">
      <h1 id="nf-h">未找到该公开报告</h1>
      <p>您访问的地区、年度或险种没有已发布的基金运行情况公开报告。地址格式为 /open/地区代码/年度/险种，例如 /open/2024 或 /open/439921/2024/resident。</p>
      <p>
        <Link href="/open">查看最新发布的全市年度报告</Link>
      </p>
    </section>
  );
}
