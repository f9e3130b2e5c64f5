'use client';

import './globals.css';

/** Last-resort boundary for a failure in the root layout itself: a plain Chinese page with 重试. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body>
        <main className="app-main">
          <section className="card route-state error-state" role="alert">
            <h1 className="error-state-title">平台暂时无法打开</h1>
            <p>数据暂时无法读取，可能是网络中断或服务繁忙。</p>
            {error.digest && <p>错误编号：{error.digest}</p>}
            <div className="route-actions">
              <button type="button" className="btn btn-primary" onClick={() => reset()}>
                重试
              </button>
            </div>
          </section>
        </main>
      </body>
    </html>
  );
}
