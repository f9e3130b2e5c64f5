// Migrates the database named by DATABASE_URL (default: the embedded SQLite file data/yibao.db) and,
// when it is empty, loads the demo city (DEMO=province: the demo province, lib/demo/province.ts) and creates its demo accounts (passwords generated, printed once,
// written to data/demo-accounts.txt). Safe to run every start.
import { migrateDeploy } from '../lib/db/migrate';
import { createDb } from '../lib/db';
import { isWarehouseEmpty, loadDemoCity, loadDemoProvince, type LoadReport } from '../lib/demo/load';
import { evaluateWarnings } from '../lib/risk/evaluate';
import { ensureDemoAccounts } from '../lib/auth/demo';
import { authSecret } from '../lib/auth/secret';
import { resumePendingSteps, sweepStaleUploads } from '../lib/ingest/postImport';
import { publishDemoOpenReports } from '../lib/open/publish';
import { storedCityCodes } from '../lib/regions/cityKeys';

async function main() {
  const t0 = Date.now();
  migrateDeploy();
  const db = createDb();
  try {
    console.log(`[db] ${db.provider} ${db.provider === 'sqlite' ? db.url : db.url.replace(/\/\/[^@]*@/, '//***@')} 已迁移 (${Date.now() - t0} ms)`);
    if (await isWarehouseEmpty(db)) {
      if (process.env.NO_DEMO === '1') { console.log('[db] 空库，NO_DEMO=1：不装载演示数据'); return; }
      const demo = process.env.DEMO ?? 'city';
      if (demo !== 'city' && demo !== 'province') throw new Error(`DEMO=${demo}：只支持 city（默认）或 province`);
      let r: LoadReport;
      if (demo === 'province') {
        // DEMO_CITIES=N: only the first N cities (browser tests keep the load short; playwright.province.config.ts).
        const cities = process.env.DEMO_CITIES ? Number(process.env.DEMO_CITIES) : undefined;
        console.log(`[db] 空库：装载演示省（演示数据，${cities ? `前${cities}个市` : '15个市、120个县级单位'}）…`);
        r = await loadDemoProvince(db, {
          cities,
          onCity: (c) => console.log(`       ${String(c.index + 1).padStart(2)}/${c.count} ${c.code} ${c.name} ${c.rows.toLocaleString()} 行（生成 ${(c.genMs / 1000).toFixed(1)} s，写入 ${(c.ms / 1000).toFixed(1)} s）`),
          onRollup: (x) => console.log(`       汇总表 UtilizationRollup/UtilizationFlowRollup 重建 (${(x.ms / 1000).toFixed(1)} s)`),
        });
      } else {
        console.log('[db] 空库：装载演示城市（演示数据）…');
        r = await loadDemoCity(db);
      }
      const total = Object.values(r.rows).reduce((a, b) => a + b, 0);
      console.log(`[db] 演示数据装载完成：${total.toLocaleString()} 行，${(r.ms / 1000).toFixed(1)} s`);
      for (const [t, n] of Object.entries(r.rows)) console.log(`       ${t.padEnd(20)} ${n.toLocaleString()}`);
      // Warnings are derived data: evaluate them as after any import (every city's pool, lib/risk).
      const t1 = Date.now();
      await evaluateWarnings(db, { trigger: 'IMPORT', actor: '演示数据装载' });
      console.log(`[db] 风险预警评估完成 (${((Date.now() - t1) / 1000).toFixed(1)} s)`);
      // The demo's annual public reports are published at load, so /open has something to show: each city
      // its own (releases name their city, lib/release).
      const t2 = Date.now();
      const cities = demo === 'province' ? await storedCityCodes(db.prisma) : [undefined];
      for (const city of cities) {
        const years = await publishDemoOpenReports(db, city);
        console.log(`[db] 年度公开报告已发布${city ? `（${city}）` : ''}：${years.join('、')}年`);
      }
      console.log(`[db] 年度公开报告发布完成 (${((Date.now() - t2) / 1000).toFixed(1)} s)`);
    } else {
      console.log('[db] 已有数据，跳过演示数据装载');
    }
    await finish(db);
  } finally {
    await db.close();
  }
}

/** Demo accounts, the session key, and leftovers of an interrupted import: every start, whatever was loaded. */
async function finish(db: ReturnType<typeof createDb>) {
  authSecret(); // create data/auth-secret now rather than at the first request
  const demo = await ensureDemoAccounts(db);
  if (demo) {
    console.log('[db] 已生成演示账号（密码只在此显示一次，并已写入 ' + demo.file + '）：');
    for (const a of demo.accounts) console.log(`       ${a.username.padEnd(12)} ${a.password}  ${a.role.padEnd(7)} ${a.name}`);
  } else if ((await db.prisma.user.count()) === 0) {
    console.log('[db] 尚无用户：用 npm run user:create -- --username 用户名 --role admin 建立第一个管理员');
  }
  // An import whose process died after its data commit left its post-import steps pending: run them now.
  const resumed = await resumePendingSteps(db);
  for (const r of resumed) console.log(`[db] 批次#${r.batchId}的导入后处理：${r.outcomes.map((o) => `${o.label ?? o.name}${o.ok ? '完成' : `失败（${o.message}）`}`).join('、')}`);
  const swept = sweepStaleUploads();
  if (swept) console.log(`[db] 清理了${swept}个遗留的上传临时文件`);
}

main().catch((err) => { console.error('[db] 失败:', err instanceof Error ? err.message : err); process.exit(1); });
