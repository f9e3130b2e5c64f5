// Where the risk evaluation's time goes, without writing anything: loads the inputs (lib/risk/data), runs every
// rule over every pool timing each rule, plans the reconciliation against the stored warnings, and (with --dump
// FILE) writes every series point and every warning field the run would store, one JSON line each, so two
// versions of the code can be compared on the same database. `npm run bench:risk [-- --dump out.jsonl]`.
import fs from 'node:fs';
import { createDb } from '../lib/db';
import { ensureRuleConfigs } from '../lib/risk/config';
import { loadRiskData } from '../lib/risk/data';
import { dataThrough, DEFAULT_WINDOW_MONTHS, evaluateRules } from '../lib/risk/evaluate';
import { fieldsOf, planReconcile, type StoredWarning } from '../lib/risk/reconcile';
import { RULES } from '../lib/risk/rules';
import { addMonths } from '../lib/indicators/compute';

async function main() {
  const dumpAt = process.argv.indexOf('--dump');
  const dumpFile = dumpAt >= 0 ? process.argv[dumpAt + 1] : null;
  const db = createDb();
  try {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const configs = await ensureRuleConfigs(db);
    const pools = await loadRiskData(db);
    const tLoad = performance.now();
    const cpuLoad = process.cpuUsage(cpu0);
    console.log(`[bench:risk] inputs ${Math.round(tLoad - t0)} ms (CPU ${Math.round((cpuLoad.user + cpuLoad.system) / 1000)} ms), ${pools.length} pools, ${pools.reduce((a, p) => a + p.costs.length, 0)} cost rows`);
    const evaluated = pools.filter((p) => p.lastPeriod !== null);
    // Per-rule time: each rule's evaluate wrapped in this process only.
    const spent = new Map<string, number>();
    for (const rule of RULES) {
      const inner = rule.evaluate;
      rule.evaluate = (d, p) => {
        const t = performance.now();
        try { return inner(d, p); } finally { spent.set(rule.code, (spent.get(rule.code) ?? 0) + performance.now() - t); }
      };
    }
    // --dump keeps every series (to compare every point); otherwise as evaluateWarnings runs it.
    const outcomes = evaluateRules(evaluated, configs, { onlyWithEpisodes: !dumpFile });
    for (const o of outcomes) {
      console.log(`[bench:risk]   ${o.code.padEnd(30)} ${String(Math.round(spent.get(o.code) ?? 0)).padStart(7)} ms  ${o.series.length} series kept, ${o.series.reduce((a, s) => a + s.points.length, 0)} points, ${o.episodes.size} with episodes`);
    }
    const heap = process.memoryUsage();
    console.log(`[bench:risk] heap used ${Math.round(heap.heapUsed / 1e6)} MB, rss ${Math.round(heap.rss / 1e6)} MB`);
    const tRules = performance.now();
    const through = dataThrough(pools);
    const windowFrom = through === null ? null : addMonths(through, -(DEFAULT_WINDOW_MONTHS - 1));
    const existing = (await db.prisma.riskWarning.findMany()) as unknown as StoredWarning[];
    const plan = planReconcile({ rules: outcomes, existing, windowFrom });
    const tPlan = performance.now();
    const cpu = process.cpuUsage(cpu0);
    console.log(`[bench:risk] rules ${Math.round(tRules - tLoad)} ms, plan ${Math.round(tPlan - tRules)} ms (${plan.length} changes); total ${Math.round(tPlan - t0)} ms, CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms`);

    if (dumpFile) {
      const out = fs.createWriteStream(dumpFile);
      for (const o of outcomes) {
        for (const s of [...o.series].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
          out.write(JSON.stringify({ rule: o.code, key: s.key, region: s.regionCode, scheme: s.schemeCode, inst: s.institutionCode ?? null, label: s.label, unit: s.unit,
            points: [...s.points].sort((a, b) => a.period - b.period).map((p) => [p.period, p.value, p.severity, p.threshold]) }) + '\n');
          for (const e of o.episodes.get(s.key) ?? []) out.write(JSON.stringify({ rule: o.code, episode: fieldsOf(o, s, e) }) + '\n');
        }
      }
      for (const c of plan) out.write(JSON.stringify({ change: c }) + '\n');
      await new Promise<void>((res) => out.end(() => res()));
      console.log(`[bench:risk] dumped to ${dumpFile}`);
    }
  } finally {
    await db.close();
  }
}

main().catch((err) => { console.error('[bench:risk] 失败:', err); process.exit(1); });
