// The sustainability figures on the demo city (SQLite; PostgreSQL when TEST_PG_URL is set): computed from
// the warehouse, cached until the next import, refused to the public.
import { describe, expect, it } from 'vitest';
import { demoDb, testDbKinds } from '../../testing/databases';
import { computeSustainability, getSustainabilitySummary } from './getSustainability';

for (const name of testDbKinds()) {
  const db = async () => demoDb(name);
  describe(`sustainability on the demo city (${name})`, () => {
    it('resident fund: probabilities, depletion interval, elasticity and the contribution rise passing the adequacy test', async () => {
      const d = (await computeSustainability(await db(), 'RESIDENT'))!;
      const s = d.summary;
      const fmt = (x: number | null) => (x === null ? '—' : String(x));
      console.log(`[demo ${name}] RESIDENT last ${d.lastPeriod}: P(<3 within 12) ${(s.probBelow.below3.within12 * 100).toFixed(1)}%, within 24 ${(s.probBelow.below3.within24 * 100).toFixed(1)}%; P(<6 within 12) ${(s.probBelow.below6.within12 * 100).toFixed(1)}%; depletion median ${fmt(s.depletion.median)} (80% ${fmt(s.depletion.p10)}–${fmt(s.depletion.p90)}, 95% ${fmt(s.depletion.p025)}–${fmt(s.depletion.p975)}); payable after ${fmt(s.depletion.payableShareAfter)}; adequacy ${s.adequacy.pass ? 'pass' : 'fail'} first failing ${fmt(s.adequacy.firstFailing)}; elasticity ${d.elasticity?.estimate.toFixed(3)} [${d.elasticity?.ciLow.toFixed(3)}, ${d.elasticity?.ciHigh.toFixed(3)}] n=${d.elasticity?.n}; smallest ${JSON.stringify(d.smallest)}; contribution w/o response ${d.smallestContributionNoResponse}; attribution ${JSON.stringify(d.attribution)}; compute ${d.computeMs.toFixed(0)} ms`);
      expect(d.lastPeriod).toBe(202412);
      expect(s.probBelow.below3.within12).toBeGreaterThanOrEqual(0);
      expect(s.probBelow.below3.within24).toBeGreaterThanOrEqual(s.probBelow.below3.within12);
      expect(s.probBelow.below6.within12).toBeGreaterThanOrEqual(s.probBelow.below3.within12);
      expect(d.elasticity!.estimate).toBeLessThan(0);
      const contrib = d.smallest.find((x) => x.key === 'contributionRise')!;
      if (contrib.value !== null && d.smallestContributionNoResponse !== null) expect(d.smallestContributionNoResponse).toBeLessThanOrEqual(contrib.value);
    }, 60_000);

    it('the report function is refused to the public scope', async () => {
      await expect(getSustainabilitySummary(await db(), { kind: 'public' }, { scheme: 'RESIDENT' })).rejects.toThrow(/仅对登录用户/);
      const h = (await getSustainabilitySummary(await db(), { kind: 'city' }, { scheme: 'RESIDENT', asOf: 202411 }))!;
      expect(h.lastPeriod).toBe(202411);
    }, 60_000);
  });
}
