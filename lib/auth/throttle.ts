// Expensive actions (re-evaluating warnings, imports) run one at a time per kind in this server process
// and at most once per interval per user: three simultaneous re-evaluations must not stall every page.

const running = new Set<string>();
const lastStart = new Map<string, number>();

export type Throttled<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Runs `fn` unless another `kind` job is running (→ “正在进行”) or `who` started one less than
 * `minIntervalMs` ago (→ “请稍后再试”).
 */
export async function runExclusive<T>(kind: string, who: string, minIntervalMs: number, fn: () => Promise<T>, now = Date.now()): Promise<Throttled<T>> {
  if (running.has(kind)) return { ok: false, error: '已有同类任务正在进行，请等它完成后再试' };
  const key = `${kind}|${who}`;
  const last = lastStart.get(key);
  if (last !== undefined && now - last < minIntervalMs) return { ok: false, error: `操作过于频繁，请${Math.ceil((minIntervalMs - (now - last)) / 1000)}秒后再试` };
  running.add(kind);
  lastStart.set(key, now);
  try {
    return { ok: true, value: await fn() };
  } finally {
    running.delete(kind);
  }
}

/** Whether a `kind` job is running now (imports check it before accepting an upload). */
export const isRunning = (kind: string) => running.has(kind);
/** Marks a background job of `kind` (an import after its upload returned) as running until `done` settles. */
export function holdWhile(kind: string, done: Promise<unknown>): void {
  running.add(kind);
  void done.finally(() => running.delete(kind));
}
