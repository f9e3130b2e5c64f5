'use client';
// The opened part of a warning card: the figures behind the value, the trend month by month, the handling
// history and the handling form. Fetched when the reader opens it (app/(site)/api/risk/warnings/[id], which
// checks the viewer's scope), not inlined for every warning of the list; fetched again after a handling
// step so the history shows it.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { WarningDetail } from '@/lib/queries/risk/getWarningDetail';
import s from '../risk.module.css';

// The opened part's code (tables, the handling form and its server action) is its own chunk, fetched
// together with the details: a reader who opens no card loads neither.
const loadBody = () => import('./WarningDetailBody');
const Body = lazy(loadBody);

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ok'; detail: WarningDetail };

export default function WarningDetails({ id, summary }: { id: number; summary: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const load = useCallback(async (quiet = false) => {
    if (!quiet) setState({ kind: 'loading' });
    void loadBody();
    try {
      const res = await fetch(`/api/risk/warnings/${id}`, { cache: 'no-store' });
      const body = await res.json().catch(() => null);
      if (!res.ok) throw new Error(body?.error ?? `加载失败（${res.status}）`);
      setState({ kind: 'ok', detail: body as WarningDetail });
    } catch (err) {
      setState({ kind: 'error', message: err instanceof Error && err.message ? err.message : '加载失败' });
    }
  }, [id]);
  const ref = useRef<HTMLDetailsElement>(null);
  // Opened before the page hydrated (the toggle event came before React listened): load now.
  useEffect(() => {
    if (ref.current?.open) void load();
  }, [load]);
  return (
    <details ref={ref} className={s.more} onToggle={(e) => { if (e.currentTarget.open && state.kind === 'idle') void load(); }}>
      <summary>{summary}</summary>
      {state.kind === 'loading' || state.kind === 'idle' ? <p className={s.hint} role="status">加载中…</p> : null}
      {state.kind === 'error' && (
        <p className={s.msgErr} role="alert">{state.message}。<button type="button" className="btn" onClick={() => void load()}>重试</button></p>
      )}
      {state.kind === 'ok' && (
        <Suspense fallback={<p className={s.hint} role="status">加载中…</p>}>
          <Body d={state.detail} onHandled={() => void load(true)} />
        </Suspense>
      )}
    </details>
  );
}
