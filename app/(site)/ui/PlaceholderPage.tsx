import type { ReactNode } from 'react';

export interface PlaceholderPageProps {
  title: string;
  /** One short paragraph: what the page will show. */
  summary: ReactNode;
}

/** Honest stand-in for a page that is not built yet. */
export default function PlaceholderPage({ title, summary }: PlaceholderPageProps) {
  return (
    <>
      <header className="page-header">
        <h1>
          {title} <span className="badge badge-building">建设中</span>
        </h1>
      </header>
      <section className="card placeholder">
        <p style={{ margin: 0 }}>本页面正在建设中，暂不显示数据。建成后将展示：{summary}</p>
      </section>
    </>
  );
}
