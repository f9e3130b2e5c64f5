'use client';
// JSON fetched on demand by the 风险预警 page's lazily loaded parts (a warning's details, the 基金可持续性
// panel): the route handlers answer { error } in Chinese with their status when they refuse.
import { useCallback, useState } from 'react';

export type JsonState<T> = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ok'; data: T };

export function useJson<T>(url: string): [JsonState<T>, (quiet?: boolean) => Promise<void>] {
  const [state, setState] = useState<JsonState<T>>({ kind: 'idle' });
  const load = useCallback(async (quiet = false) => {
    // quiet: keep showing what is there while it is fetched again (after a handling step)
    if (!quiet) setState({ kind: 'loading' });
    try {
      const res = await fetch(url, { cache: 'no-store' });
      const body = await res.json().catch(() => null);
      if (!res.ok) throw new Error(body?.error ?? `加载失败（${res.status}）`);
      setState({ kind: 'ok', data: body as T });
    } catch (err) {
      setState({ kind: 'error', message: err instanceof Error && err.message ? err.message : '加载失败' });
    }
  }, [url]);
  return [state, load];
}
