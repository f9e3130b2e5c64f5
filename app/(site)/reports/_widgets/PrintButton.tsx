'use client';
export default function PrintButton() {
  return <button type="button" className="btn" onClick={() => window.print()}>打印（A4）</button>;
}
