// proxy.ts's memory of session checks: a few seconds per cookie, forgotten at once on any access change.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetSessions, rememberedViewer, SESSION_MEMO_MS } from './sessionMemo';
import type { Viewer } from './viewer';

const v = (name: string): Viewer => ({ role: 'city', scope: { kind: 'city' }, userId: name, name });

describe('session memo', () => {
  afterEach(() => { forgetSessions(); vi.useRealTimers(); });
  it('checks a cookie once within the memo time, each cookie on its own', async () => {
    const check = vi.fn(async () => v('a'));
    await rememberedViewer('cookie-a', check);
    expect(await rememberedViewer('cookie-a', check)).toEqual(v('a'));
    expect(check).toHaveBeenCalledTimes(1);
    await rememberedViewer('cookie-b', async () => v('b'));
    expect(await rememberedViewer('cookie-b', check)).toEqual(v('b'));
    expect(check).toHaveBeenCalledTimes(1);
  });
  it('forgets everything at once when access changes (sign-out, user disabled)', async () => {
    const check = vi.fn(async () => v('a'));
    await rememberedViewer('cookie-a', check);
    forgetSessions();
    await rememberedViewer('cookie-a', check);
    expect(check).toHaveBeenCalledTimes(2);
  });
  it('checks again after the memo time', async () => {
    vi.useFakeTimers({ toFake: ['performance', 'Date'] });
    vi.advanceTimersByTime(1_000); // lru-cache reads a start time of 0 as "no TTL"
    const check = vi.fn(async () => v('a'));
    await rememberedViewer('cookie-t', check);
    vi.advanceTimersByTime(SESSION_MEMO_MS + 50);
    await rememberedViewer('cookie-t', check);
    expect(check).toHaveBeenCalledTimes(2);
  });
  it('a crowd arriving together waits for one lookup; a failed lookup is not remembered', async () => {
    const check = vi.fn(async () => { await new Promise((r) => setTimeout(r, 20)); return v('c'); });
    const all = await Promise.all(Array.from({ length: 50 }, () => rememberedViewer('cookie-c', check)));
    expect(all.every((x) => x.name === 'c')).toBe(true);
    expect(check).toHaveBeenCalledTimes(1);
    const failing = vi.fn(async (): Promise<Viewer> => { throw new Error('db down'); });
    await expect(rememberedViewer('cookie-f', failing)).rejects.toThrow('db down');
    await rememberedViewer('cookie-f', async () => v('f'));
    expect(await rememberedViewer('cookie-f', failing)).toEqual(v('f'));
  });
  it('never remembers a request without a session cookie', async () => {
    const check = vi.fn(async () => v('x'));
    await rememberedViewer('', check);
    await rememberedViewer('', check);
    expect(check).toHaveBeenCalledTimes(2);
  });
});
