'use client';

import { Suspense, useEffect, useRef } from 'react';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { isActive, navItemsFor } from './nav';

/** The dashboard pages that keep the selected city (`city=`, lib/regions/selectCity) when one follows the nav. */
const KEEPS_CITY = (href: string) => !['/open', '/admin', '/login'].includes(href);

/** A nav link carrying the selected city: reads the URL, so it sits in its own Suspense boundary. */
function CityLink({ href, current, children }: { href: string; current: boolean; children: string }) {
  const city = useSearchParams()?.get('city');
  const to = city && /^[0-9A-Z]{6}$/.test(city) && KEEPS_CITY(href) ? `${href}?city=${city}` : href;
  return <Link href={to} aria-current={current ? 'page' : undefined}>{children}</Link>;
}

export default function NavLinks({ role = 'public' }: { role?: string }) {
  // A kept dashboard rendering is made at its internal address (/v/<token>/<query>/budget, lib/auth/pageCache);
  // the browser shows /budget. Both give the same active link, so the HTML and the hydrated nav agree.
  const pathname = (usePathname() ?? '/').replace(/^\/v\/[^/]+\/[^/]+(?=\/|$)/, '') || '/';
  const listRef = useRef<HTMLUListElement>(null);

  // On phones the nav scrolls sideways: bring the current item into view.
  useEffect(() => {
    const list = listRef.current;
    const current = list?.querySelector<HTMLElement>('a[aria-current="page"]');
    if (!list || !current) return;
    const left = current.offsetLeft - list.offsetLeft;
    if (left < list.scrollLeft || left + current.offsetWidth > list.scrollLeft + list.clientWidth) {
      list.scrollLeft = Math.max(0, left - 24);
    }
  }, [pathname]);

  return (
    <nav className="app-nav" aria-label="主导航">
      <ul ref={listRef}>
        {navItemsFor(role).map((item) => {
          const active = isActive(pathname, item.href);
          return (
            <li key={item.href} className={item.href === '/login' ? 'nav-right' : undefined}>
              <Suspense fallback={<Link href={item.href} aria-current={active ? 'page' : undefined}>{item.label}</Link>}>
                <CityLink href={item.href} current={active}>{item.label}</CityLink>
              </Suspense>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
