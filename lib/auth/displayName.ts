/**
 * The cookie that carries the signed-in user's display name (姓名/单位) to the user menu of kept dashboard
 * renderings, whose HTML is shared by everyone of a scope (lib/auth/pageCache). Set at sign-in and by
 * proxy.ts, removed at sign-out. Display only: nothing reads it to decide anything.
 */
export const DISPLAY_NAME_COOKIE = 'yibao.display_name';

/** Its options, one place for both setters: readable by the page script, Secure on HTTPS (isSecureRequest). */
export function displayNameCookieOptions(secure: boolean) {
  return { path: '/', sameSite: 'lax' as const, httpOnly: false, secure };
}
