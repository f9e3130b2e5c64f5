'use client';
// 基金可持续性's panel (levers, figures, fan chart, simulation) loads when it comes into view: its code as
// a chunk of its own and its data from app/(site)/api/risk/sustainability, both at once. A reader who never
// scrolls there downloads neither and spends no second of simulation; the page itself stays small.
import { lazy, Suspense, useEffect, useRef } from 'react';
import type { SchemeCode } from '@/lib/domain/codes';
import type { SustainabilityPanelData } from '@/lib/queries/risk/sustainabilityPanel';
import { ChartSkeleton } from '@/app/(site)/ui/Skeleton';
import { useJson } from './useJson';

const loadPanel = () => import('./SustainabilityPanel');
const Panel = lazy(loadPanel);

/** `city`: the selected city among several (the API reads that city's pool). */
export default function SustainabilityLazy({ scheme, city, schemeName, errorClass }: { scheme: SchemeCode; city?: string; schemeName: string; errorClass: string }) {
  const [state, load] = useJson<SustainabilityPanelData>(`/api/risk/sustainability?scheme=${scheme}${city ? `&city=${city}` : ''}`);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const start = () => {
      void loadPanel();
      void load();
    };
    // Asked for by address (/risk#sustainability, the 总览 link): at once, wherever the streamed list above
    // has pushed the section meanwhile.
    if (window.location.hash === '#sustainability') {
      start();
      return;
    }
    // Otherwise a screen ahead of the reader, so the panel is usually ready when they get there.
    const io = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      io.disconnect();
      start();
    }, { rootMargin: '600px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [load]);
  const skeleton = <ChartSkeleton height={320} />;
  return (
    <div ref={box}>
      {state.kind === 'idle' && <ChartSkeleton height={320} loading={false} />}
      {state.kind === 'loading' && skeleton}
      {state.kind === 'error' && (
        <p className={errorClass} role="alert">基金可持续性加载失败：{state.message}。<button type="button" className="btn" onClick={() => void load()}>重试</button></p>
      )}
      {state.kind === 'ok' && <Suspense fallback={skeleton}><Panel {...state.data} schemeName={schemeName} /></Suspense>}
    </div>
  );
}
