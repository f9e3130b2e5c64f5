// proxy.ts checks the session of every dashboard request against the database (lib/auth/pageCache); a
// meeting room reloading the same view would repeat that check hundreds of times a second. A check is
// remembered for a few seconds per session cookie, and forgotten at once when this process changes who
// may do what: a sign-out, a user disabled, a role, region or password changed (lib/auth/users, the
// logout action). A change made by another process (a script on the same database) takes effect within
// SESSION_MEMO_MS. Pages, route handlers and actions do not use it: they check the session every time.
import { LRUCache } from 'lru-cache';
import type { Viewer } from './viewer';

/** How long a session check is remembered (ms). */
export const SESSION_MEMO_MS = 5_000;

// On globalThis: proxy.ts and the app are bundled separately but run in one process, and the app's
// changes must clear the proxy's memory.
const KEY = Symbol.for('yibao.sessionMemo');
type Memo = LRUCache<string, Promise<Viewer>>;
function memo(): Memo {
  const g = globalThis as unknown as Record<symbol, Memo | undefined>;
  // The clock is read through the global each time (tests move it with fake timers).
  return (g[KEY] ??= new LRUCache<string, Promise<Viewer>>({ max: 10_000, ttl: SESSION_MEMO_MS, ttlResolution: 0, perf: { now: () => performance.now() } }));
}

/**
 * The viewer for a session cookie value: remembered for SESSION_MEMO_MS, else `check()` (the database
 * lookup) and remembered; a failed lookup is not. `cookie` '' (no session cookie) is never remembered.
 */
export async function rememberedViewer(cookie: string, check: () => Promise<Viewer>): Promise<Viewer> {
  if (!cookie) return check();
  const hit = memo().get(cookie);
  if (hit) return hit;
  // The promise is remembered, so a crowd arriving as the memory expires waits for one lookup.
  const p = check();
  memo().set(cookie, p);
  p.catch(() => { if (memo().get(cookie) === p) memo().delete(cookie); });
  return p;
}

/** Forgets every remembered check (after a sign-out or a change to any user's access). */
export function forgetSessions(): void {
  memo().clear();
}
