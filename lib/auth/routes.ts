// Every entry point of the app and who may use it: THE list the route × role access-matrix test
// (app/e2e/access-matrix.e2e.ts) walks, and lib/auth/routes.test.ts checks it covers every
// app/**/page.tsx, route.ts and actions.ts. A new route = one line here (the test fails without it).
//
// access: 'public' anyone (公众, no login) · 'signedIn' county, city and admin (county data limited to its
// own region by the query scope) · 'city' city and admin · 'admin' admins only.

export type Access = 'public' | 'signedIn' | 'city' | 'admin';
export type MatrixRole = 'anonymous' | 'county' | 'city' | 'admin';

export interface RouteEntry {
  /** the file under app/ that serves it */
  file: string;
  kind: 'page' | 'api' | 'action' | 'export';
  /** a concrete URL to request (dynamic segments filled in; county user = 石门县 439922) */
  path: string;
  method?: 'GET' | 'POST';
  access: Access;
  /** server actions: the exported function name; the test posts `form` to `path` */
  action?: string;
  form?: Record<string, string>;
  /** a county user is refused here although access allows county (another county's detail) */
  countyDenied?: boolean;
}

export const ROUTES: readonly RouteEntry[] = [
  // pages
  { file: 'app/page.tsx', kind: 'page', path: '/', access: 'signedIn' },
  { file: 'app/login/page.tsx', kind: 'page', path: '/login', access: 'public' },
  { file: 'app/open/page.tsx', kind: 'page', path: '/open', access: 'public' },
  { file: 'app/collection/page.tsx', kind: 'page', path: '/collection', access: 'signedIn' },
  { file: 'app/budget/page.tsx', kind: 'page', path: '/budget', access: 'signedIn' },
  { file: 'app/risk/page.tsx', kind: 'page', path: '/risk?status=all', access: 'signedIn' },
  { file: 'app/tiered-care/page.tsx', kind: 'page', path: '/tiered-care', access: 'signedIn' },
  { file: 'app/counties/page.tsx', kind: 'page', path: '/counties', access: 'signedIn' },
  { file: 'app/counties/[code]/page.tsx', kind: 'page', path: '/counties/439922', access: 'signedIn' },
  { file: 'app/counties/[code]/page.tsx', kind: 'page', path: '/counties/439921', access: 'signedIn', countyDenied: true },
  { file: 'app/assessment/page.tsx', kind: 'page', path: '/assessment', access: 'signedIn' },
  { file: 'app/unification/page.tsx', kind: 'page', path: '/unification', access: 'signedIn' },
  { file: 'app/account/page.tsx', kind: 'page', path: '/account', access: 'signedIn' },
  { file: 'app/ui-preview/page.tsx', kind: 'page', path: '/ui-preview', access: 'admin' },
  { file: 'app/admin/page.tsx', kind: 'page', path: '/admin', access: 'admin' },
  { file: 'app/admin/templates/page.tsx', kind: 'page', path: '/admin/templates', access: 'admin' },
  { file: 'app/admin/batches/[id]/page.tsx', kind: 'page', path: '/admin/batches/1', access: 'admin' },
  { file: 'app/admin/users/page.tsx', kind: 'page', path: '/admin/users', access: 'admin' },
  { file: 'app/admin/audit/page.tsx', kind: 'page', path: '/admin/audit', access: 'admin' },
  // route handlers
  { file: 'app/api/import/route.ts', kind: 'api', path: '/api/import?name=x.csv&kind=ENROLLMENT', method: 'POST', access: 'admin' },
  { file: 'app/api/import/jobs/[id]/route.ts', kind: 'api', path: '/api/import/jobs/none', access: 'admin' },
  { file: 'app/api/import/templates/[file]/route.ts', kind: 'export', path: '/api/import/templates/enrollment.csv', access: 'signedIn' },
  { file: 'app/api/import/batches/[id]/rejected/route.ts', kind: 'export', path: '/api/import/batches/1/rejected', access: 'admin' },
  { file: 'app/api/admin/audit/route.ts', kind: 'export', path: '/api/admin/audit?format=csv', access: 'admin' },
  // server actions
  { file: 'app/login/actions.ts', kind: 'action', path: '/login', action: 'loginAction', access: 'public', form: { username: 'nobody', password: 'wrong-password' } },
  { file: 'app/login/actions.ts', kind: 'action', path: '/login', action: 'logoutAction', access: 'signedIn' },
  { file: 'app/account/actions.ts', kind: 'action', path: '/account', action: 'changePasswordAction', access: 'signedIn', form: { current: 'not-the-password', next: 'abcdefghijkl', confirm: 'abcdefghijkl' } },
  { file: 'app/risk/actions.ts', kind: 'action', path: '/risk', action: 'handleWarningAction', access: 'signedIn', form: { warningId: '$WARNING_439922', action: 'NOTE', note: '权限矩阵测试' } },
  { file: 'app/risk/actions.ts', kind: 'action', path: '/risk', action: 'reevaluateAction', access: 'city' },
  { file: 'app/risk/actions.ts', kind: 'action', path: '/risk', action: 'saveRuleAction', access: 'admin', form: { ruleCode: 'NO_SUCH_RULE' } },
  { file: 'app/admin/users/actions.ts', kind: 'action', path: '/admin/users', action: 'createUserAction', access: 'admin', form: { username: '', name: '', role: 'city', password: '' } },
  { file: 'app/admin/users/actions.ts', kind: 'action', path: '/admin/users', action: 'resetPasswordAction', access: 'admin', form: { userId: 'no-such-user', password: 'short' } },
  { file: 'app/admin/users/actions.ts', kind: 'action', path: '/admin/users', action: 'setDisabledAction', access: 'admin', form: { userId: 'no-such-user', disabled: '1' } },
  { file: 'app/admin/users/actions.ts', kind: 'action', path: '/admin/users', action: 'updateRoleAction', access: 'admin', form: { userId: 'no-such-user', role: 'city' } },
];

/** Whether `role` may use the entry. */
export function allowed(e: RouteEntry, role: MatrixRole): boolean {
  if (role === 'county' && e.countyDenied) return false;
  switch (e.access) {
    case 'public': return true;
    case 'signedIn': return role !== 'anonymous';
    case 'city': return role === 'city' || role === 'admin';
    case 'admin': return role === 'admin';
  }
}

/** Public URL prefixes: the proxy lets anonymous visitors through (pages check again anyway). */
export const PUBLIC_PREFIXES = ['/open', '/login', '/api/open'] as const;

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(p + '/'));
}
