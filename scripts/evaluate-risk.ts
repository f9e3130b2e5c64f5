// Evaluates the fund-risk warning rules over the database named by DATABASE_URL (default: the embedded
// SQLite file) and prints what changed. `npm run risk:evaluate` — the import pipeline and the 风险预警
// page call the same function (lib/risk/evaluate.ts).
import { createDb } from '../lib/db';
import { evaluateWarnings } from '../lib/risk/evaluate';
import { RULES } from '../lib/risk/rules';
import { SEVERITY_LABELS } from '../lib/risk/types';

async function main() {
  const db = createDb();
  try {
    const cpu0 = process.cpuUsage();
    const r = await evaluateWarnings(db, { trigger: 'SCRIPT', actor: 'risk:evaluate' });
    const cpu = process.cpuUsage(cpu0);
    if (r.dataThrough === null) {
      console.log('[risk] 仓库中没有基金收支数据，未评估');
      return;
    }
    console.log(`[risk] 评估完成（第${r.evaluationId}次，数据截至 ${r.dataThrough}，${r.ms} ms，本进程CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms）：新发 ${r.raised}，更新 ${r.updated}，解除 ${r.closed}`);
    console.log(`[risk] 未处理预警 ${r.open.total} 条：${Object.entries(r.open.bySeverity).map(([s, n]) => `${SEVERITY_LABELS[s as keyof typeof SEVERITY_LABELS]} ${n}`).join('，')}`);
    for (const rule of RULES) console.log(`       ${rule.name.padEnd(14, '　')} ${r.open.byRule[rule.code] ?? 0}`);
  } finally {
    await db.close();
  }
}

main().catch((err) => { console.error('[risk] 失败:', err instanceof Error ? err.message : err); process.exit(1); });
