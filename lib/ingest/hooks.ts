// After an import commits, modules that derive data from facts (risk warnings, …) recompute for the periods
// touched. Derived tables that must never disagree with the facts (the utilization rollups) are refreshed
// inside the import transaction instead (settlement/load.ts, general.ts); subscribers here run after the
// commit, each on its own: one failing is reported in the batch and does not undo the import.
//
//   import { onImported } from '@/lib/ingest/hooks';
//   onImported('risk-warnings', async ({ db, periods }) => { await evaluateWarnings(db, periods); });
//
// A subscriber module registers itself when imported; list it in lib/ingest/subscribers.ts so both ways
// in (the CLI and the admin page) load it.
import 'server-only';
import type { Db } from '../db';
import type { ImportMode } from './batch';
import type { TemplateKind } from './templates';

export interface ImportedEvent {
  db: Db;
  batchId: number;
  kind: TemplateKind;
  mode: ImportMode;
  /** Months (YYYYMM) whose facts changed, ascending. Yearly templates give all twelve months of each year. */
  periods: number[];
  /** Regions whose facts changed (empty when the template has no region, e.g. institutions). */
  regionCodes: string[];
}

export type ImportedSubscriber = (e: ImportedEvent) => Promise<void> | void;

// On globalThis so Next's dev reloads do not register a subscriber twice (same name replaces).
const registry = ((globalThis as { __yibaoImportSubscribers?: Map<string, ImportedSubscriber> }).__yibaoImportSubscribers ??= new Map());

/** Subscribes to completed imports; returns a function that unsubscribes. */
export function onImported(name: string, fn: ImportedSubscriber): () => void {
  registry.set(name, fn);
  return () => {
    if (registry.get(name) === fn) registry.delete(name);
  };
}

export async function runImportedHooks(e: ImportedEvent): Promise<{ name: string; ok: boolean; message?: string }[]> {
  const out: { name: string; ok: boolean; message?: string }[] = [];
  for (const [name, fn] of registry) {
    try {
      await fn(e);
      out.push({ name, ok: true });
    } catch (err) {
      console.error(`[import] subscriber ${name} failed`, err);
      out.push({ name, ok: false, message: (err as Error).message?.slice(0, 300) });
    }
  }
  return out;
}
