/** The product's routes, in navigation order. One list, used by the shell and the preview. */
export interface NavItem {
  href: string;
  label: string;
  /** who sees the link (default: signed-in users); the page checks again on the server */
  show?: 'anonymous' | 'everyone' | 'city' | 'admin';
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: '总览' },
  { href: '/collection', label: '参保征缴' },
  { href: '/budget', label: '预算执行' },
  { href: '/risk', label: '风险预警' },
  { href: '/tiered-care', label: '分级诊疗' },
  { href: '/counties', label: '县域画像' },
  { href: '/assessment', label: '考核' },
  { href: '/unification', label: '六统一' },
  { href: '/reports', label: '月度报告' },
  // 地区层级 and each region's 年度数据 (a statistical bulletin's national or provincial figures): city-level staff.
  { href: '/regions', label: '地区', show: 'city' },
  { href: '/open', label: '公开', show: 'everyone' },
  { href: '/admin', label: '管理', show: 'admin' },
  { href: '/login', label: '登录', show: 'anonymous' },
];

/** '/counties/430903' belongs to '/counties'; '/' only matches itself. */
export function isActive(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(href + '/');
}

/** The links a viewer of `role` sees ('public' = not signed in). */
export function navItemsFor(role: string): NavItem[] {
  return NAV_ITEMS.filter((i) => {
    const show = i.show ?? 'signedIn';
    if (show === 'everyone') return true;
    if (show === 'anonymous') return role === 'public';
    if (show === 'admin') return role === 'admin';
    if (show === 'city') return role === 'city' || role === 'admin';
    return role !== 'public';
  });
}
