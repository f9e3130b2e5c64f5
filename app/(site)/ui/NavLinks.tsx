'use client';

import { useEffect, useRef } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isActive, navItemsFor } from './nav';

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
              <Link href={item.href} aria-current={active ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
