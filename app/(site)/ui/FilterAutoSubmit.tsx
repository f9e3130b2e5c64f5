'use client';

import { useEffect } from 'react';
import { useSearchParams } from 'next/navigation';

/** Marks the page as waiting for figures under a new filter value (globals.css dims the old ones). */
function setPending(on: boolean) {
  const main = document.getElementById('main');
  if (!main) return;
  if (on) main.dataset.pending = 'true';
  else delete main.dataset.pending;
}

/**
 * Progressive enhancement for FilterBar: submit the form whenever a select changes, and hide the
 * 查询 button (CSS keys on data-enhanced). Without JavaScript the button stays and the form still works.
 * From the change until the new URL's page arrives, the figures below are marked as pending, so old
 * numbers never sit under a new filter value.
 */
export default function FilterAutoSubmit({ formId }: { formId: string }) {
  const searchParams = useSearchParams();
  // The new filter's page has arrived (or the user went back): the figures are current again.
  useEffect(() => setPending(false), [searchParams]);
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    form.dataset.enhanced = 'true';
    const onChange = (e: Event) => {
      if (e.target instanceof HTMLSelectElement) {
        setPending(true);
        // Never leave the page greyed out if the navigation is abandoned.
        window.setTimeout(() => setPending(false), 20_000);
        form.requestSubmit();
      }
    };
    form.addEventListener('change', onChange);
    return () => {
      form.removeEventListener('change', onChange);
      delete form.dataset.enhanced;
    };
  }, [formId]);
  return null;
}
