'use client';

import { useEffect } from 'react';

/**
 * Progressive enhancement for FilterBar: submit the form whenever a select changes, and hide the
 * 查询 button (CSS keys on data-enhanced). Without JavaScript the button stays and the form still works.
 */
export default function FilterAutoSubmit({ formId }: { formId: string }) {
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    form.dataset.enhanced = 'true';
    const onChange = (e: Event) => {
      if (e.target instanceof HTMLSelectElement) form.requestSubmit();
    };
    form.addEventListener('change', onChange);
    return () => {
      form.removeEventListener('change', onChange);
      delete form.dataset.enhanced;
    };
  }, [formId]);
  return null;
}
