'use client';
// Client-side navigation for the 风险预警 filter form (a plain GET form: without JavaScript it reloads the
// page with the new query). What next/form would do for this one form, without its runtime on the page:
// the submit (by the button, or FilterAutoSubmit on change) replaces the address in the router.
import { useEffect } from 'react';
import { useRouter } from 'next/navigation';

export default function FilterNavigate({ formId }: { formId: string }) {
  const router = useRouter();
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const onSubmit = (e: SubmitEvent) => {
      e.preventDefault();
      const q = new URLSearchParams([...new FormData(form)].map(([k, v]) => [k, String(v)])).toString();
      router.replace(`${form.getAttribute('action') ?? ''}${q ? `?${q}` : ''}`, { scroll: false });
    };
    form.addEventListener('submit', onSubmit);
    return () => form.removeEventListener('submit', onSubmit);
  }, [formId, router]);
  return null;
}
