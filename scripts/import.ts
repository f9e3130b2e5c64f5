// Imports a file into the warehouse named by DATABASE_URL (default: the embedded SQLite file), for
// scheduled loads. The same validation, batch bookkeeping and refresh as the admin page (lib/ingest).
//
//   npm run import -- <file> [--kind SETTLEMENT|ENROLLMENT|…] [--sheet 工作表] [--replace] [--by USERNAME] [--json]
//
// Who imported: `--by` must name an existing, enabled user account (e.g. the admin running a scheduled
// load); without it the import is recorded as `cli:<OS user>`. Loaded, rejected and failed imports all
// go to the audit trail.
//   npm run import -- --template ENROLLMENT --out 参保模板.xlsx      blank template (.xlsx or .csv)
//   npm run import -- --templates-doc                                rewrite lib/ingest/TEMPLATES.md
//
// Exit status: 0 loaded, 2 rejected (problems listed), 3 refused (same file already loaded), 1 failure.
import fs from 'node:fs';
import path from 'node:path';
import { createDb } from '../lib/db';
import { importFile, isTemplateKind, PHASE_LABELS, TEMPLATES, TEMPLATE_LIST, type ImportProgress, type TemplateKind } from '../lib/ingest';
import { describeProblem } from '../lib/ingest/problems';
import { templateCsv, templateXlsx } from '../lib/ingest/export';
import { renderTemplatesMarkdown, TEMPLATES_DOC_PATH } from '../lib/ingest/docs';
import { cliActor, type AuditActor } from '../lib/audit/record';
import { auditImport } from '../lib/audit/imports';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

function usage(): never {
  console.error(`用法：npm run import -- <文件> [--kind 模板] [--sheet 工作表] [--replace] [--by 用户名] [--json]
  --by        以该系统账号的名义导入（须为已有且未停用的用户）；不给则记为“cli:操作系统用户名”
  模板（--kind）：${TEMPLATE_LIST.map((t) => `${t.kind}（${t.name}）`).join('、')}
  --sheet     Excel文件要读取的工作表（名称或序号）；默认第一个未隐藏的工作表
  --replace   更正文件：替换文件所含地区、险种、月份的已入库数据
  --template KIND --out 文件.xlsx|.csv   写出空白模板
  --templates-doc                          重新生成 lib/ingest/TEMPLATES.md`);
  process.exit(1);
}

function kindArg(): TemplateKind | undefined {
  const k = arg('kind');
  return k ? resolveKind(k) : undefined;
}

function resolveKind(k: string): TemplateKind {
  const up = k.toUpperCase().replace(/-/g, '_');
  if (isTemplateKind(up)) return up;
  const byName = TEMPLATE_LIST.find((t) => t.name === k || t.slug === k);
  if (byName) return byName.kind;
  console.error(`未知的模板类型：${k}`);
  return usage();
}

async function main() {
  if (flag('templates-doc')) {
    fs.writeFileSync(TEMPLATES_DOC_PATH, renderTemplatesMarkdown());
    console.log(`已写入 ${path.relative(process.cwd(), TEMPLATES_DOC_PATH)}`);
    return;
  }
  if (arg('template')) {
    const kind = resolveKind(arg('template')!);
    const out = arg('out') ?? `${TEMPLATES[kind].slug}.xlsx`;
    fs.writeFileSync(out, out.endsWith('.csv') ? templateCsv(kind) : await templateXlsx(kind, [], { withExamples: false }));
    console.log(`已写出空白模板：${out}`);
    return;
  }
  const file = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !(i > 0 && ['--kind', '--by', '--out', '--template', '--sheet'].includes(all[i - 1])));
  if (!file) usage();
  if (!fs.existsSync(file)) {
    console.error(`文件不存在：${file}`);
    process.exit(1);
  }
  const json = flag('json');
  const db = createDb();
  let actor: AuditActor = cliActor();
  let importedBy = actor.name;
  const by = arg('by');
  if (by) {
    const u = await db.prisma.user.findUnique({ where: { username: by.trim().toLowerCase() } });
    if (!u || u.disabled) {
      console.error(`--by 必须是已有且未停用的用户名：${by}`);
      await db.close();
      process.exit(1);
    }
    actor = { id: u.id, name: u.username ?? by, role: u.role };
    importedBy = `${u.name}（${u.username}，命令行 ${cliActor().name}）`;
  }
  const mode = flag('replace') ? 'REPLACE' : 'APPEND';
  const fileName = path.basename(file);
  let lastPhase = '';
  let lastAt = 0;
  const onProgress = (p: ImportProgress) => {
    const now = Date.now();
    if (p.phase === lastPhase && now - lastAt < 1000) return;
    const pct = p.bytes && p.totalBytes ? ` ${Math.round((p.bytes / p.totalBytes) * 100)}%` : '';
    const rows = p.rows ? ` ${p.rows.toLocaleString('en-US')}行` : '';
    process.stderr.write(`[import] ${PHASE_LABELS[p.phase]}${pct}${rows}\n`);
    lastPhase = p.phase;
    lastAt = now;
  };
  try {
    let r;
    try {
      r = await importFile(db, { file, kind: kindArg(), sheet: arg('sheet'), mode, importedBy, onProgress });
    } catch (e) {
      await auditImport(db, actor, { fileName, mode, via: '命令行 ' }, e as Error);
      throw e;
    }
    await auditImport(db, actor, { fileName, mode, via: '命令行 ' }, r);
    if (json) {
      console.log(JSON.stringify({ batchId: r.batchId, status: r.status, kind: r.kind, sheet: r.report.sheet, units: r.report.units, notes: r.report.notes, steps: r.report.hooks, rows: r.rows, rowsAccepted: r.rowsAccepted, rowsRejected: r.rowsRejected, rowsSkipped: r.rowsSkipped, problemCount: r.problemCount, durationMs: r.durationMs, message: r.message }));
    } else {
      console.log(r.message);
      for (const p of r.problems.slice(0, 30)) console.log(`  - ${describeProblem(r.fileName, p)}`);
      if (r.problemCount > 30) console.log(`  …共${r.problemCount}处问题，完整清单见管理页面批次#${r.batchId}（可下载被拒绝的行）`);
      console.log(`用时 ${(r.durationMs / 1000).toFixed(1)} s`);
    }
    process.exitCode = r.status === 'LOADED' ? 0 : r.status === 'REFUSED' ? 3 : 2;
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error('[import] 失败：', e instanceof Error ? e.message : e);
  process.exit(1);
});
