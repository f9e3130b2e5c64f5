import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

const directives = (p: string) => new Map(p.split('; ').map((d) => [d.split(' ')[0], d]));

describe('contentSecurityPolicy', () => {
  it('with a nonce allows scripts by that nonce only; without, by origin and inline; nothing else differs', () => {
    const withNonce = directives(contentSecurityPolicy({ nonce: 'abc', dev: false }));
    const open = directives(contentSecurityPolicy({ dev: false }));
    expect(withNonce.get('script-src')).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(open.get('script-src')).toBe("script-src 'self' 'unsafe-inline'");
    for (const [k, v] of withNonce) if (k !== 'script-src') expect(open.get(k), k).toBe(v);
    expect(withNonce.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(withNonce.get('object-src')).toBe("object-src 'none'");
  });

  it('next dev gets eval and websockets, production never', () => {
    expect(contentSecurityPolicy({ nonce: 'n', dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: 'n', dev: true })).toContain('connect-src \'self\' ws:');
    expect(contentSecurityPolicy({ nonce: 'n', dev: false })).not.toContain('unsafe-eval');
  });
});
