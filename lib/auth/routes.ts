// Every entry point of the app and who may use it: THE list the route × role access-matrix test
// (app/(site)/e2e/access-matrix.e2e.ts) walks, and lib/auth/routes.test.ts checks it covers every
// app/**/page.tsx, route.ts and actions.ts. A new route = one line here (the test fails without it).
//
// access: 'public' anyone (公众, no login) · 'signedIn' county, city and admin (county data limited to its
// own region by the query scope) · 'city' city and admin · 'admin' admins only · 'internal' nobody by its
// own address (404 for everyone): the kept dashboard renderings, reached only through proxy.ts's rewrite.

export type Access = 'public' | 'signedIn' | 'city' | 'admin' | 'internal';
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
  /** server actions called as `action(formData)` (a plain form action) rather than `(prevState, formData)` */
  formOnly?: boolean;
  /** the text (body, or redirect Location) by which this entry refuses, when it does not answer 403 */
  deniedMarker?: string;
}

export const ROUTES: readonly RouteEntry[] = [
  // pages
  { file: 'app/(site)/(overview)/page.tsx', kind: 'page', path: '/', access: 'signedIn' },
  { file: 'app/(site)/login/page.tsx', kind: 'page', path: '/login', access: 'public' },
  { file: 'app/(site)/open/[[...slug]]/page.tsx', kind: 'page', path: '/open', access: 'public' },
  { file: 'app/(site)/open/[[...slug]]/page.tsx', kind: 'page', path: '/open/439921/2024/resident', access: 'public' },
  { file: 'app/(site)/api/open/download/route.ts', kind: 'export', path: '/api/open/download?year=2024&scheme=ALL&chart=fund-years&format=csv&code=439921', access: 'public' },
  { file: 'app/(site)/api/open/view/route.ts', kind: 'api', path: '/api/open/view?code=439921&year=2024&scheme=ALL', access: 'public' },
  { file: 'app/(site)/admin/open/page.tsx', kind: 'page', path: '/admin/open', access: 'admin' },
  { file: 'app/(site)/open/[[...slug]]/page.tsx', kind: 'page', path: '/open/2024', access: 'public' },
  { file: 'app/(site)/reports/page.tsx', kind: 'page', path: '/reports', access: 'signedIn', deniedMarker: '月度基金运行分析报告仅对市、县医保部门开放' },
  { file: 'app/(site)/reports/[yyyymm]/page.tsx', kind: 'page', path: '/reports/202412', access: 'signedIn', deniedMarker: '月度报告仅对市医保局开放' },
  { file: 'app/(site)/assessment/print/page.tsx', kind: 'page', path: '/assessment/print?year=2024', access: 'signedIn' },
  { file: 'app/(site)/admin/assessment/page.tsx', kind: 'page', path: '/admin/assessment', access: 'admin' },
  { file: 'app/(site)/collection/page.tsx', kind: 'page', path: '/collection', access: 'signedIn' },
  { file: 'app/(site)/budget/page.tsx', kind: 'page', path: '/budget', access: 'signedIn' },
  { file: 'app/(site)/risk/page.tsx', kind: 'page', path: '/risk?status=all', access: 'signedIn' },
  { file: 'app/(site)/tiered-care/page.tsx', kind: 'page', path: '/tiered-care', access: 'signedIn' },
  { file: 'app/(site)/counties/(list)/page.tsx', kind: 'page', path: '/counties', access: 'signedIn' },
  { file: 'app/(site)/counties/[code]/page.tsx', kind: 'page', path: '/counties/439922', access: 'signedIn' },
  { file: 'app/(site)/counties/[code]/page.tsx', kind: 'page', path: '/counties/439921', access: 'signedIn', countyDenied: true },
  { file: 'app/(site)/assessment/page.tsx', kind: 'page', path: '/assessment', access: 'signedIn' },
  { file: 'app/(site)/unification/page.tsx', kind: 'page', path: '/unification', access: 'signedIn' },
  { file: 'app/(site)/regions/page.tsx', kind: 'page', path: '/regions', access: 'city' },
  { file: 'app/(site)/regions/[code]/page.tsx', kind: 'page', path: '/regions/439900', access: 'city' },
  { file: 'app/(site)/account/page.tsx', kind: 'page', path: '/account', access: 'signedIn' },
  { file: 'app/(site)/ui-preview/page.tsx', kind: 'page', path: '/ui-preview', access: 'admin' },
  { file: 'app/(site)/admin/page.tsx', kind: 'page', path: '/admin', access: 'admin' },
  { file: 'app/(site)/admin/templates/page.tsx', kind: 'page', path: '/admin/templates', access: 'admin' },
  { file: 'app/(site)/admin/batches/[id]/page.tsx', kind: 'page', path: '/admin/batches/1', access: 'admin' },
  { file: 'app/(site)/admin/users/page.tsx', kind: 'page', path: '/admin/users', access: 'admin' },
  { file: 'app/(site)/admin/audit/page.tsx', kind: 'page', path: '/admin/audit', access: 'admin' },
  // kept dashboard renderings (lib/auth/pageCache): only proxy.ts's rewrite reaches them, with any token
  { file: 'app/v/[token]/[q]/(overview)/page.tsx', kind: 'page', path: '/v/city.all.1.AAAAAAAAAAAAAAAAAAAAAA/_', access: 'internal' },
  { file: 'app/v/[token]/[q]/collection/page.tsx', kind: 'page', path: '/v/city.all.1.AAAAAAAAAAAAAAAAAAAAAA/_/collection', access: 'internal' },
  { file: 'app/v/[token]/[q]/budget/page.tsx', kind: 'page', path: '/v/county.439922.1.AAAAAAAAAAAAAAAAAAAAAA/_/budget', access: 'internal' },
  { file: 'app/v/[token]/[q]/risk/page.tsx', kind: 'page', path: '/v/admin.all.1.AAAAAAAAAAAAAAAAAAAAAA/_/risk', access: 'internal' },
  { file: 'app/v/[token]/[q]/tiered-care/page.tsx', kind: 'page', path: '/v/city.all.1.AAAAAAAAAAAAAAAAAAAAAA/_/tiered-care', access: 'internal' },
  { file: 'app/v/[token]/[q]/counties/(list)/page.tsx', kind: 'page', path: '/v/city.all.1.AAAAAAAAAAAAAAAAAAAAAA/_/counties', access: 'internal' },
  { file: 'app/v/[token]/[q]/counties/[code]/page.tsx', kind: 'page', path: '/v/city.all.1.AAAAAAAAAAAAAAAAAAAAAA/_/counties/439921', access: 'internal' },
  // route handlers
  { file: 'app/(site)/api/import/route.ts', kind: 'api', path: '/api/import?name=x.csv&kind=ENROLLMENT', method: 'POST', access: 'admin' },
  { file: 'app/(site)/api/import/jobs/[id]/route.ts', kind: 'api', path: '/api/import/jobs/none', access: 'admin' },
  { file: 'app/(site)/api/import/templates/[file]/route.ts', kind: 'export', path: '/api/import/templates/enrollment.csv', access: 'signedIn' },
  { file: 'app/(site)/api/import/batches/[id]/rejected/route.ts', kind: 'export', path: '/api/import/batches/1/rejected', access: 'admin' },
  { file: 'app/(site)/api/admin/audit/route.ts', kind: 'export', path: '/api/admin/audit?format=csv', access: 'admin' },
  { file: 'app/(site)/api/open/download/route.ts', kind: 'export', path: '/api/open/download', access: 'public' },
  { file: 'app/(site)/api/open/view/route.ts', kind: 'api', path: '/api/open/view?year=2024', access: 'public' },
  // a warning's details, opened from the 风险预警 list: a county user only its own county's ($WARNING_<region>: that region's first warning)
  { file: 'app/(site)/api/risk/warnings/[id]/route.ts', kind: 'api', path: '/api/risk/warnings/$WARNING_439922', access: 'signedIn' },
  { file: 'app/(site)/api/risk/warnings/[id]/route.ts', kind: 'api', path: '/api/risk/warnings/$WARNING_439923', access: 'signedIn', countyDenied: true },
  { file: 'app/(site)/api/risk/sustainability/route.ts', kind: 'api', path: '/api/risk/sustainability?scheme=RESIDENT', access: 'signedIn' },
  { file: 'app/(site)/api/reports/jobs/[id]/route.ts', kind: 'api', path: '/api/reports/jobs/1', access: 'city' },
  { file: 'app/(site)/assessment/export/route.ts', kind: 'export', path: '/assessment/export?year=2024', access: 'signedIn' },
  { file: 'app/(site)/reports/[yyyymm]/download/route.ts', kind: 'export', path: '/reports/202412/download', access: 'signedIn' },
  // server actions
  { file: 'app/(site)/login/actions.ts', kind: 'action', path: '/login', action: 'loginAction', access: 'public', form: { username: 'nobody', password: 'wrong-password' } },
  { file: 'app/(site)/login/actions.ts', kind: 'action', path: '/login', action: 'logoutAction', access: 'signedIn' },
  { file: 'app/(site)/account/actions.ts', kind: 'action', path: '/account', action: 'changePasswordAction', access: 'signedIn', form: { current: 'not-the-password', next: 'abcdefghijkl', confirm: 'abcdefghijkl' } },
  { file: 'app/(site)/risk/actions.ts', kind: 'action', path: '/risk', action: 'handleWarningAction', access: 'signedIn', form: { warningId: '$WARNING_439922', action: 'NOTE', note: '权限矩阵测试' } },
  { file: 'app/(site)/risk/actions.ts', kind: 'action', path: '/risk', action: 'reevaluateAction', access: 'city' },
  { file: 'app/(site)/risk/actions.ts', kind: 'action', path: '/risk', action: 'saveRuleAction', access: 'admin', form: { ruleCode: 'NO_SUCH_RULE' } },
  { file: 'app/(site)/assessment/actions.ts', kind: 'action', path: '/assessment', action: 'publishAction', access: 'city', deniedMarker: '只有市医保局' },
  { file: 'app/(site)/assessment/actions.ts', kind: 'action', path: '/assessment', action: 'withdrawAction', access: 'city', deniedMarker: '只有市医保局' },
  { file: 'app/(site)/assessment/actions.ts', kind: 'action', path: '/admin/assessment', action: 'saveSchemeAction', access: 'admin', deniedMarker: '只有管理员' },
  { file: 'app/(site)/admin/open/actions.ts', kind: 'action', path: '/admin/open', action: 'publishOpenReportAction', access: 'admin', form: { year: '2001' } },
  { file: 'app/(site)/admin/open/actions.ts', kind: 'action', path: '/admin/open', action: 'withdrawOpenReportAction', access: 'admin', form: { id: '999999', reason: '权限矩阵测试' } },
  { file: 'app/(site)/reports/actions.ts', kind: 'action', path: '/reports', action: 'generateReportsAction', access: 'city', formOnly: true, form: { period: '999913' }, deniedMarker: 'error=forbidden' },
  { file: 'app/(site)/admin/users/actions.ts', kind: 'action', path: '/admin/users', action: 'createUserAction', access: 'admin', form: { username: '', name: '', role: 'city', password: '' } },
  { file: 'app/(site)/admin/users/actions.ts', kind: 'action', path: '/admin/users', action: 'resetPasswordAction', access: 'admin', form: { userId: 'no-such-user', password: 'short' } },
  { file: 'app/(site)/admin/users/actions.ts', kind: 'action', path: '/admin/users', action: 'setDisabledAction', access: 'admin', form: { userId: 'no-such-user', disabled: '1' } },
  { file: 'app/(site)/admin/users/actions.ts', kind: 'action', path: '/admin/users', action: 'updateRoleAction', access: 'admin', form: { userId: 'no-such-user', role: 'city' } },
];

/** Whether `role` may use the entry. */
export function allowed(e: RouteEntry, role: MatrixRole): boolean {
  if (role === 'county' && e.countyDenied) return false;
  switch (e.access) {
    case 'public': return true;
    case 'signedIn': return role !== 'anonymous';
    case 'city': return role === 'city' || role === 'admin';
    case 'admin': return role === 'admin';
    case 'internal': return false;
  }
}

/** Public URL prefixes: the proxy lets anonymous visitors through (pages check again anyway). */
export const PUBLIC_PREFIXES = ['/open', '/login', '/api/open'] as const;

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(p + '/'));
}
