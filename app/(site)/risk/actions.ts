'use server';
// Server actions of the 风险预警 page: handle a warning, re-evaluate, change a rule's thresholds. Each
// checks who is asking first (handling: any signed-in user within their scope; re-evaluation: city or
// admin; thresholds: admin), validates its form with zod on the server, returns a message for the form
// and writes the audit trail.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/lib/db';
import { ScopeError } from '@/lib/queries/scope';
import { ensureRuleConfigs, saveRuleConfig } from '@/lib/risk/config';
import { evaluateWarnings } from '@/lib/risk/evaluate';
import { getRule, isRuleCode } from '@/lib/risk/rules';
import { STATUS_LABELS } from '@/lib/risk/types';
import { HANDLE_ACTION_LABELS, handleInputSchema, handleWarning } from '@/lib/risk/workflow';
import { auditActor, viewerForAction } from '@/lib/auth/viewer';
import { runExclusive } from '@/lib/auth/throttle';
import { recordAudit } from '@/lib/audit/record';
import { getDatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import { selectCity } from '@/lib/regions/selectCity';

export interface ActionState {
  ok: boolean;
  message: string;
  /** bumps on every answer so a form can reset after success */
  at: number;
}

const fail = (message: string): ActionState => ({ ok: false, message, at: Date.now() });
const done = (message: string): ActionState => ({ ok: true, message, at: Date.now() });

function refresh() {
  revalidatePath('/risk');
  revalidatePath('/');
}

export async function handleWarningAction(_prev: ActionState | null, form: FormData): Promise<ActionState> {
  const { viewer, denied } = await viewerForAction();
  if (!viewer) return fail(denied);
  const parsed = handleInputSchema.safeParse({ warningId: form.get('warningId'), action: form.get('action') ?? undefined, note: form.get('note') ?? '' });
  if (!parsed.success) return fail(parsed.error.issues[0].message);
  try {
    const db = getDb();
    const before = await db.prisma.riskWarning.findUnique({ where: { id: parsed.data.warningId }, select: { status: true } });
    const r = await handleWarning(db, viewer.scope, { name: viewer.name }, parsed.data);
    if (!r.ok) return fail(r.error);
    await recordAudit(db, {
      actor: auditActor(viewer), action: 'WARNING_STATUS', target: `warning:${parsed.data.warningId}`,
      before: { status: before?.status ?? null }, after: { status: r.status, action: parsed.data.action }, detail: parsed.data.note,
    });
    refresh();
    return done(`已${HANDLE_ACTION_LABELS[parsed.data.action]}，当前状态：${STATUS_LABELS[r.status]}`);
  } catch (err) {
    if (err instanceof ScopeError) return fail(err.message);
    console.error('[risk] handle', err);
    return fail('保存失败，请稍后重试');
  }
}

/** Form field `city`: with several cities in the warehouse, re-evaluate that city's pool only (as the page shows it). */
export async function reevaluateAction(_prev: ActionState | null, form: FormData): Promise<ActionState> {
  const { viewer, denied } = await viewerForAction(['city']);
  if (!viewer) return fail(denied);
  try {
    const info = await getDatasetInfo();
    const asked = form.get('city');
    const city = info && typeof asked === 'string' ? selectCity(info.cities, { city: asked }, viewer.scope) : null;
    const cityName = city ? info!.cities.find((c) => c.code === city)?.name ?? city : null;
    // One evaluation at a time, at most one per user every 30 s.
    const t = await runExclusive('risk-evaluate', viewer.userId ?? '', 30_000, () => evaluateWarnings(getDb(), { trigger: 'MANUAL', actor: viewer.name, ...(city ? { city } : {}) }));
    if (!t.ok) return fail(t.error);
    const r = t.value;
    await recordAudit(getDb(), { actor: auditActor(viewer), action: 'RISK_REEVALUATE', ...(city ? { target: `city:${city}` } : {}), detail: `${cityName ? `${cityName}：` : ''}新发 ${r.raised}，更新 ${r.updated}，解除 ${r.closed}` });
    refresh();
    if (r.dataThrough === null) return done('仓库中尚无基金收支数据，未评估');
    return done(`${cityName ? `${cityName}` : ''}评估完成（${(r.ms / 1000).toFixed(1)} 秒）：新发 ${r.raised} 条，更新 ${r.updated} 条，解除 ${r.closed} 条；${cityName ? '全省' : ''}未处理 ${r.open.total} 条`);
  } catch (err) {
    if (err instanceof ScopeError) return fail(err.message);
    console.error('[risk] evaluate', err);
    return fail('评估失败，请稍后重试');
  }
}

/** Form fields `p.<key>`; ratios and percentage points are typed in percent on the form. */
export async function saveRuleAction(_prev: ActionState | null, form: FormData): Promise<ActionState> {
  const { viewer, denied } = await viewerForAction(['admin']);
  if (!viewer) return fail(denied);
  const code = String(form.get('ruleCode') ?? '');
  if (!isRuleCode(code)) return fail('未知的预警规则');
  const rule = getRule(code);
  const params: Record<string, number> = {};
  for (const spec of rule.params) {
    const raw = String(form.get(`p.${spec.key}`) ?? '').trim();
    const n = Number(raw);
    if (raw === '' || !Number.isFinite(n)) return fail(`“${spec.label}”应为数字`);
    params[spec.key] = spec.unit === 'ratio' || spec.unit === 'pp' ? Math.round((n / 100) * 1e10) / 1e10 : n;
  }
  try {
    const db = getDb();
    const before = (await ensureRuleConfigs(db)).get(code);
    const enabled = form.get('enabled') === 'on';
    const note = String(form.get('note') ?? '');
    const saved = await saveRuleConfig(db, viewer.scope, viewer.name, { ruleCode: code, params, enabled, note });
    if (!saved.ok) return fail(saved.errors.join('；'));
    if (!saved.changed) return done('阈值没有变化，未生成新版本');
    await recordAudit(db, {
      actor: auditActor(viewer), action: 'RULE_CHANGE', target: `rule:${code}`,
      before: before ? { version: before.version, enabled: before.enabled, params: before.params } : null,
      after: { version: saved.version, enabled, params }, detail: note,
    });
    const r = await evaluateWarnings(db, { trigger: 'RULE_CHANGE', actor: viewer.name });
    refresh();
    return done(`已保存为第${saved.version}版并重新评估：新发 ${r.raised} 条，解除 ${r.closed} 条；未处理 ${r.open.total} 条`);
  } catch (err) {
    if (err instanceof ScopeError) return fail(err.message);
    console.error('[risk] rule', err);
    return fail('保存失败，请稍后重试');
  }
}
