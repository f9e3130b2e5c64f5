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

- 文件格式：CSV（UTF-8，有无BOM均可；或GBK/GB18030，按整个文件自动识别）或 Excel .xlsx（默认读第一个未隐藏的工作表，可在上传时或用 \`--sheet\` 选择其他工作表，导入报告写明所读的工作表）。旧版 .xls、另存为 .xls 的网页（HTML）或XML表格请在Excel中另存为 .xlsx 或 CSV。
- 第一行是表头（表头上方只有一个单元格的标题行，如“2025年基金预算表”“单位：万元”，会被跳过）。列的顺序不限；列名中的空格和全角括号不影响识别。多出的列、缺少的必填列都会报错。
- 单位：列名末尾括号中的单位（元、千元、万元、亿元；人、万人；人次、次、件）或标题行“单位：万元”会被读取，按10的整数次幂精确换算为入库单位（元、人等），导入报告写明所用单位；换算后超过两位小数、单位不适用于该列或无法识别的，整个文件不导入。结算明细的金额只接受元。
  从“被拒绝的行”下载的CSV多了“原行号”“错误原因”两列，导入时忽略，改正后可直接导入。
- 代码列可填代码或中文名称（如险种填“城乡居民基本医疗保险”“居民医保”“RESIDENT”或“390”均可）。
- 年月：202403、2024-03、2024/3、2024年3月；填完整日期（如2025/4/1）时取其年月，日被忽略并在导入报告中说明。日期：2024-03-18、2024/3/18、20240318、2024年3月18日；Excel的日期单元格（含中文日期格式）按单元格显示的日期读取。
- 编码和编号（区划代码、机构编码、结算流水号）是文本：首尾的空格、制表符和不可见字符会去掉；科学计数法（如4.30922E+19）或超过15位的数字单元格会被拒绝（Excel已丢失末几位），请把该列设为文本格式后重新导出。同一结算流水号出现两次而其他字段不同的，是冲突，整个文件不导入。
- 上限：文件4 GB；每行最多200列；单元格最多32,767个字符；Excel工作表不超过1,048,576行；明显异常的Excel文件（单个部件解压后超过2 GB或压缩比超过200倍）不读取。
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
