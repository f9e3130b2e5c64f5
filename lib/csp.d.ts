/** See lib/csp.js: the Content-Security-Policy with a per-request nonce, or the nonce-less variant for cached public pages. */
export function contentSecurityPolicy(opts?: { nonce?: string; dev?: boolean }): string;
