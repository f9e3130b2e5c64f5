// The Citus DDL (prisma/citus) cannot drift from the schema: every table the migrations create is placed
// exactly once; every fact table is distributed by its region column in one colocation group; keys and
// foreign keys are ones Citus accepts. Citus is not installed here, so this is what can be checked offline.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from './distribution';
import { keysAfter, readCitusScript, readCitusScripts, readMigratedTables, type CitusLayout, type TableShape } from './citusScript';

const SCHEMA = fs.readFileSync(path.resolve(__dirname, '../../prisma/schema.base.prisma'), 'utf8');
/** The models declared under a `// ─── name ───` section header of schema.base.prisma. */
function modelsOfSection(name: string): string[] {
  const parts = SCHEMA.split(/^\/\/ ─+ (.+?) ─+$/m);
  const body = parts[parts.indexOf(name) + 1] ?? '';
  return [...body.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
}
const ALL_MODELS = [...SCHEMA.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
/** The column a fact is distributed by: the insured person's region for utilization, else the region. */
const REGION_COLUMNS = ['insuredRegionCode', 'regionCode'];

// Facts with no region column, placed otherwise on purpose (SCALE-OUT.md says why). Must stay exactly
// the facts that lack one: a new fact without a region column fails until it is placed here too.
const FACTS_WITHOUT_REGION: Record<string, { placement: 'reference' | { distributedBy: string } ; why: string }> = {
  BudgetVersion: { placement: 'reference', why: 'a version header (year, seq, 文号): a few rows a year, referenced by BudgetLine' },
  SupervisionFact: { placement: { distributedBy: 'institutionCode' }, why: 'per institution and month; read per institution or city-wide, never joined with region facts in SQL' },
};
// Tables outside the facts section that are nevertheless distributed, by region, beside the facts.
const DISTRIBUTED_NON_FACTS: Record<string, string> = {
  SettlementKeySet: 'settlement-id hashes per insured region × scheme × month, read and replaced with that region\'s UtilizationFact rows',
};

describe('prisma/citus DDL against the schema', () => {
  let layout: CitusLayout;
  let tables: Map<string, TableShape>;
  beforeAll(async () => {
    await loadSqlParser();
    layout = readCitusScripts();
    tables = readMigratedTables();
  });
  const facts = modelsOfSection('facts');
  const placementOf = (t: string) => (layout.distributed.has(t) ? 'distributed' : layout.reference.has(t) ? 'reference' : layout.local.has(t) ? 'local' : 'none');

  it('reads the schema sections and the migrations it is checked against', () => {
    expect(facts).toContain('UtilizationFact');
    expect(facts).toContain('UtilizationRollup');
    expect([...tables.keys()].sort()).toEqual([...ALL_MODELS].sort());
  });

  it('places every table exactly once', () => {
    const twice = layout.named.filter((t, i) => layout.named.indexOf(t) !== i);
    expect(twice).toEqual([]);
    expect([...tables.keys()].filter((t) => placementOf(t) === 'none')).toEqual([]);
    expect(layout.named.filter((t) => !tables.has(t))).toEqual([]);
  });

  it('distributes every fact table by its region column, all in one colocation group', () => {
    const anchors = [...layout.distributed].filter(([, d]) => REGION_COLUMNS.includes(d.column) && d.colocateWith === 'none').map(([t]) => t);
    expect(anchors).toHaveLength(1);
    const withoutRegion: string[] = [];
    for (const fact of facts) {
      const col = REGION_COLUMNS.find((c) => tables.get(fact)!.columns.includes(c));
      if (!col) { withoutRegion.push(fact); continue; }
      expect(layout.distributed.get(fact), fact).toEqual({ column: col, colocateWith: fact === anchors[0] ? 'none' : anchors[0] });
    }
    expect(withoutRegion.sort()).toEqual(Object.keys(FACTS_WITHOUT_REGION).sort());
    for (const [t, p] of Object.entries(FACTS_WITHOUT_REGION)) {
      if (p.placement === 'reference') expect(placementOf(t), t).toBe('reference');
      else expect(layout.distributed.get(t)?.column, t).toBe(p.placement.distributedBy);
    }
  });

  it('keeps every other table a reference table or on the coordinator (bar the listed region-keyed ones)', () => {
    for (const t of tables.keys()) {
      if (facts.includes(t)) continue;
      if (DISTRIBUTED_NON_FACTS[t]) {
        expect(REGION_COLUMNS).toContain(layout.distributed.get(t)?.column);
        expect(layout.distributed.get(t)?.colocateWith).not.toBe('none');
      } else {
        expect(['reference', 'local'], t).toContain(placementOf(t));
      }
    }
  });

  it('gives every distributed table keys that contain its distribution column (after the script\'s key changes)', () => {
    for (const [t, d] of layout.distributed) {
      for (const [name, cols] of keysAfter(tables.get(t)!, layout, t)) expect(cols, `${t}: ${name}`).toContain(d.column);
    }
  });

  it('has only foreign keys Citus accepts: distributed → reference, reference → reference, local → local/reference', () => {
    for (const [t, shape] of tables) {
      for (const fk of shape.foreignKeys) {
        const from = placementOf(t), to = placementOf(fk.table);
        const ok = from === 'distributed' ? to === 'reference'
          : from === 'reference' ? to === 'reference'
            : to === 'local' || to === 'reference';
        expect(ok, `${t} (${from}) → ${fk.table} (${to})`).toBe(true);
      }
    }
  });

  it('fails on a script that drifts (negative cases)', () => {
    const bad = readCitusScript(`SELECT create_distributed_table('"LedgerFact"', 'schemeCode', colocate_with => 'none');
      SELECT create_reference_table('"LedgerFact"');`);
    expect(bad.named).toEqual(['LedgerFact', 'LedgerFact']);
    expect(bad.distributed.get('LedgerFact')?.column).toBe('schemeCode');
    // without the script's key change, the surrogate key of a fact lacks the region column
    const plain = keysAfter(tables.get('LedgerFact')!, bad, 'LedgerFact');
    expect([...plain.values()].some((cols) => !cols.includes('regionCode'))).toBe(true);
  });
});
