// The key better-auth signs session cookies with. BETTER_AUTH_SECRET wins; otherwise a random key is
// generated once and kept in data/auth-secret (mode 0600) so sessions survive restarts. Never a fixed default.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export const SECRET_FILE = path.resolve(process.env.AUTH_SECRET_FILE ?? 'data/auth-secret');

let cached: string | undefined;

/** The signing secret (≥ 32 characters). Creates data/auth-secret on first use when no env var is set. */
export function authSecret(): string {
  if (cached) return cached;
  const env = process.env.BETTER_AUTH_SECRET;
  if (env && env.length >= 32) return (cached = env);
  try {
    const s = fs.readFileSync(/*turbopackIgnore: true*/ SECRET_FILE, 'utf8').trim();
    if (s.length >= 32) return (cached = s);
  } catch { /* not yet created */ }
  const s = randomBytes(32).toString('base64url');
  fs.mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
  try {
    fs.writeFileSync(/*turbopackIgnore: true*/ SECRET_FILE, s + '\n', { mode: 0o600, flag: 'wx' });
  } catch {
    // another process created it first: use theirs
    return (cached = fs.readFileSync(/*turbopackIgnore: true*/ SECRET_FILE, 'utf8').trim());
  }
  return (cached = s);
}
