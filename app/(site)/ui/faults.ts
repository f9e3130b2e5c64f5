/**
 * Test-only fault injection, so browser tests can prove that one failing widget leaves the rest of a page
 * working. Active only when the server was started with E2E_FAULTS=1 (AppShell then renders
 * <meta name="e2e-faults">) AND the URL asks for the fault with ?e2e-fail=<name>; a production server
 * never renders the meta tag, so no URL can trigger a fault there.
 *
 * Faults: 'chart-code' — every chart's drawing code fails to load (as when its chunk cannot be fetched).
 */
export type FaultName = 'chart-code';

export const FAULT_META = 'e2e-faults';

/** Browser only; false on the server and whenever the server did not enable faults. */
export function faultActive(name: FaultName): boolean {
  if (typeof document === 'undefined') return false;
  if (!document.querySelector(`meta[name="${FAULT_META}"]`)) return false;
  return new URLSearchParams(window.location.search).getAll('e2e-fail').includes(name);
}

/** Server side: whether this server may honour fault requests (never set in production). */
export function faultsEnabled(): boolean {
  // Read at request time (pages are dynamic): only the Playwright web server sets it.
  return process.env.E2E_FAULTS === '1';
}
