// Accounts and sessions through better-auth (its Prisma adapter on the app's own database, SQLite or
// PostgreSQL): password hashing (scrypt), session tokens, cookie signing and revocation are the
// library's. We do not mount its HTTP handler: sign-in, sign-out and password changes go through our
// server actions (lib/auth/login.ts), which add lockout, rate limiting and the audit trail.
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { username } from 'better-auth/plugins';
import { nextCookies } from 'better-auth/next-js';
import type { Db } from '@/lib/db';
import { authSecret } from './secret';

/** A session lives 12 hours after its last refresh (refreshed at most hourly while in use). */
export const SESSION_EXPIRES_S = 12 * 3600;
export const MIN_PASSWORD_LENGTH = 10;

function build(db: Db, secure: boolean) {
  return betterAuth({
    appName: '医保基金运行与分级诊疗分析平台',
    secret: authSecret(),
    baseURL: process.env.BETTER_AUTH_URL ?? 'http://localhost:3000',
    database: prismaAdapter(db.prisma, { provider: db.provider === 'postgres' ? 'postgresql' : 'sqlite' }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: 128 },
    session: { expiresIn: SESSION_EXPIRES_S, updateAge: 3600 },
    user: {
      additionalFields: {
        role: { type: 'string', required: true, input: false, defaultValue: 'city' },
        regionCode: { type: 'string', required: false, input: false },
        disabled: { type: 'boolean', required: false, input: false, defaultValue: false },
        isDemo: { type: 'boolean', required: false, input: false, defaultValue: false },
      },
    },
    // Our login action rate-limits and locks accounts (lib/auth/login.ts); the library's limiter only
    // guards its HTTP handler, which is not mounted.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // failed passwords are audited by us; the library's warnings would only repeat them
    logger: { level: 'error' },
    advanced: { useSecureCookies: secure, cookiePrefix: 'yibao' },
    plugins: [username({ minUsernameLength: 2, maxUsernameLength: 40, usernameValidator: (u) => /^[a-zA-Z0-9_.-]+$/.test(u) }), nextCookies()],
  });
}

export type Auth = ReturnType<typeof build>;

const instances = new WeakMap<Db, Map<boolean, Auth>>();

/**
 * The better-auth instance for a database. `secure` = the request came over HTTPS (directly or via a
 * proxy's X-Forwarded-Proto): then the cookie is `__Secure-…` with the Secure flag; over plain HTTP on a
 * city's intranet it cannot be. Cookies are always HttpOnly and SameSite=Lax.
 */
export function getAuth(db: Db, secure = false): Auth {
  let m = instances.get(db);
  if (!m) instances.set(db, (m = new Map()));
  let a = m.get(secure);
  if (!a) m.set(secure, (a = build(db, secure)));
  return a;
}
