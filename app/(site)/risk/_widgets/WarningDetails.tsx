'use client';
// The opened part of a warning card (WarningCard renders the <details> and its summary): the figures behind
// the value, the trend month by month, the handling history and the handling form. Fetched when the reader
// opens it (app/(site)/api/risk/warnings/[id], which checks the viewer's scope), not inlined for every
// warning of the list; fetched again after a handling step so the history shows it. Class names come from
// the server component, so this small part of the page's own JavaScript carries no style map.
import { lazy, Suspense, useEffect, useRef } from 'react';
import type { WarningDetail } from '@/lib/queries/risk/getWarningDetail';
import { useJson } from './useJson';

// The opened part's code (tables, the handling form and its server action) is its own chunk, fetched
// together with the details: a reader who opens no card loads neither.
const loadBody = () => import('./WarningDetailBody');
const Body = lazy(loadBody);

export default function WarningDetails({ id, hintClass, errorClass }: { id: number; hintClass: string; errorClass: string }) {
  const [state, load] = useJson<WarningDetail>(`/api/risk/warnings/${id}`);
  const anchor = useRef<HTMLDivElement>(null);
  const started = useRef(false);
  useEffect(() => {
    const details = anchor.current?.closest('details');
    if (!details) return;
    const open = () => {
      if (!details.open || started.current) return;
      started.current = true;
      void loadBody();
      void load();
    };
    details.addEventListener('toggle', open);
    open(); // opened before the page hydrated (the toggle came before this listened)
    return () => details.removeEventListener('toggle', open);
  }, [load]);
  const wait = <p className={hintClass} role="status">加载中…</p>;
  return (
    <div ref={anchor}>
      {(state.kind === 'idle' || state.kind === 'loading') && wait}
      {state.kind === 'error' && (
        <p className={errorClass} role="alert">{state.message}。<button type="button" className="btn" onClick={() => void load()}>重试</button></p>
      )}
      {state.kind === 'ok' && <Suspense fallback={wait}><Body d={state.data} onHandled={() => void load(true)} /></Suspense>}
    </div>
  );
}
