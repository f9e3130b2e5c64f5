import 'server-only';
// Cross-request memo for the 分级诊疗 loads and models. The fitted models (9 interrupted time series and a
// DiD with 3 × 9,999 wild-bootstrap replications per outcome) depend only on the loaded facts, which change
// only through an import: the key includes a data version read from ImportBatch (every load, correction or
// replacement writes a batch, and the rollups are refreshed in the same transaction).
import { cache } from 'react';
import type { Db } from '../../db';
import { getDb } from '../../db';

const MAX_ENTRIES = 32;
const store = new Map<string, Promise<unknown>>();

/** Version of the warehouse contents: changes whenever an import batch is added or changes status. */
export async function loadDataVersion(db: Db): Promise<string> {
  const [all, loaded] = await Promise.all([
    db.prisma.importBatch.aggregate({ _max: { id: true }, _count: { _all: true } }),
    db.prisma.importBatch.count({ where: { status: 'LOADED' } }),
  ]);
  return `${all._max.id ?? 0}.${all._count._all}.${loaded}`;
}

/** Read once per request. */
export const dataVersion = cache(() => loadDataVersion(getDb()));

/**
 * The memoised value for `key`, computing it once. A failed computation is forgotten so the next request
 * retries. Oldest entries are dropped beyond MAX_ENTRIES (a handful of scheme × outcome combinations).
 */
export function memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const hit = store.get(key);
  if (hit) {
    store.delete(key);
    store.set(key, hit); // most recently used last
    return hit as Promise<T>;
  }
  const p = compute();
  store.set(key, p);
  p.catch(() => store.delete(key));
  while (store.size > MAX_ENTRIES) store.delete(store.keys().next().value as string);
  return p;
}

/** For tests. */
export function clearMemo(): void {
  store.clear();
}
