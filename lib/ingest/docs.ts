// The template documentation page (lib/ingest/TEMPLATES.md) is rendered from the template definitions, so
// it cannot drift from what the import checks: `npm run import -- --templates-doc` rewrites it, and a test
// fails when the file differs from this rendering.
import path from 'node:path';
import { TEMPLATE_LIST, allowedValues, columnTypeLabel, headerWithUnit, type TemplateDef } from './templates';

export const TEMPLATES_DOC_PATH = path.join(__dirname, 'TEMPLATES.md');

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function section(t: TemplateDef): string {
  const lines: string[] = [];
  lines.push(`## ${t.name}（${t.kind}）`, '');
  lines.push(t.description, '');
  lines.push(`- 一行是：${t.grain}`);
  lines.push(`- 写入：\`${t.table}\`${t.category === 'fact' ? '（每行记录导入批次 batchId）' : '（维度表）'}`);
  lines.push(`- 不得重复：${t.key.map((k) => t.columns.find((c) => c.key === k)?.header ?? k).join(' + ')}（文件内、以及追加导入时与已入库数据）`);
  lines.push(`- 更正：${t.scopeNote}`);
  lines.push(`- 空白模板：\`${t.slug}.csv\`、\`${t.slug}.xlsx\`（管理 → 数据导入 → 模板下载）`, '');
  lines.push('| 列名 | 类型 | 单位 | 必填 | 可填的值 | 说明 | 示例 |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const c of t.columns) {
    const also = c.aliases?.length ? `；也可用列名：${c.aliases.join('、')}` : '';
    lines.push(`| ${esc(headerWithUnit(c))} | ${columnTypeLabel(c)} | ${c.unit ?? ''} | ${c.optional ? `否（空为${c.default === null ? '空' : c.default === '' ? '空' : String(c.default)}）` : '是'} | ${esc(allowedValues(c))} | ${esc(c.note + also)} | ${esc(c.example)} |`);
  }
  lines.push('', '示例：', '', '```csv');
  lines.push(t.columns.map(headerWithUnit).join(','));
  for (const e of t.examples) lines.push(e.map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(','));
  lines.push('```', '');
  return lines.join('\n');
}

export function renderTemplatesMarkdown(): string {
  const head = `# 数据导入模板

<!-- 由 lib/ingest/docs.ts 根据 lib/ingest/templates.ts 生成，请勿手工修改：npm run import -- --templates-doc -->

医保信息平台导出的结算明细和各县（市、区）报送的报表，按下列模板导入：管理页面（/admin）上传，或命令行
\`npm run import -- <文件> [--kind 模板] [--replace]\`。

通用规则

- 文件格式：CSV（UTF-8，有无BOM均可；或GBK/GB18030，自动识别）或 Excel .xlsx（读第一个工作表）。旧版 .xls 请另存为 .xlsx。
- 第一行是表头。列的顺序不限；列名中的空格、全角括号和末尾的单位（如“(元)”）不影响识别。多出的列、缺少的必填列都会报错。
  从“被拒绝的行”下载的CSV多了“原行号”“错误原因”两列，导入时忽略，改正后可直接导入。
- 代码列可填代码或中文名称（如险种填“城乡居民基本医疗保险”“居民医保”“RESIDENT”或“390”均可）。
- 年月：202403、2024-03、2024/3、2024年3月；日期：2024-03-18、2024/3/18、20240318、2024年3月18日。
- 金额单位为元，不能为负（期末结余除外），最多两位小数；人数、件数为非负整数。可带千分位逗号。
- 整个文件一起校验：任何一行有问题，整个文件都不写入，并列出每个问题所在的行、列和原因；被拒绝的行可下载为CSV改正后重新提交。
- 同一个文件（内容完全相同，SHA-256相同）只导入一次。
- 追加（默认）：文件中与已入库数据重复的行会报错。更正（替换）：文件覆盖的每个“更正范围”（见各模板）内已入库的行全部被替换，
  批次记录中可查看被替换的批次和行数。
- 导入后，受影响月份的派生数据（就诊结算汇总，以及订阅导入事件的模块，如风险预警）随即刷新。

模板一览

| 模板 | 代码 | 一行是 | 写入 |
|---|---|---|---|
${TEMPLATE_LIST.map((t) => `| ${t.name} | ${t.kind} | ${esc(t.grain)} | \`${t.table}\` |`).join('\n')}

`;
  return head + TEMPLATE_LIST.map(section).join('\n');
}
