'use server';
// Server actions of the 风险预警 page: handle a warning, re-evaluate, change a rule's thresholds. Each
// validates its form with zod on the server and returns a message for the form; the viewer's scope
// (viewer.ts) decides what they may touch.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/lib/db';
import { ScopeError } from '@/lib/queries/scope';
import { saveRuleConfig } from '@/lib/risk/config';
import { evaluateWarnings } from '@/lib/risk/evaluate';
import { getRule, isRuleCode } from '@/lib/risk/rules';
import { STATUS_LABELS } from '@/lib/risk/types';
import { HANDLE_ACTION_LABELS, handleInputSchema, handleWarning } from '@/lib/risk/workflow';
import { getViewer } from '@/lib/auth/viewer';

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
  const parsed = handleInputSchema.safeParse({ warningId: form.get('warningId'), action: form.get('action') ?? undefined, note: form.get('note') ?? '' });
  if (!parsed.success) return fail(parsed.error.issues[0].message);
  const viewer = await getViewer();
  try {
    const r = await handleWarning(getDb(), viewer.scope, { name: viewer.name }, parsed.data);
    if (!r.ok) return fail(r.error);
    refresh();
    return done(`已${HANDLE_ACTION_LABELS[parsed.data.action]}，当前状态：${STATUS_LABELS[r.status]}`);
  } catch (err) {
    if (err instanceof ScopeError) return fail(err.message);
    console.error('[risk] handle', err);
    return fail('保存失败，请稍后重试');
  }
}

export async function reevaluateAction(_prev: ActionState | null, _form: FormData): Promise<ActionState> {
  const viewer = await getViewer();
  if (viewer.scope.kind !== 'city') return fail('只有市医保局可以发起重新评估');
  try {
    const r = await evaluateWarnings(getDb(), { trigger: 'MANUAL', actor: viewer.name });
    refresh();
    if (r.dataThrough === null) return done('仓库中尚无基金收支数据，未评估');
    return done(`评估完成（${(r.ms / 1000).toFixed(1)} 秒）：新发 ${r.raised} 条，更新 ${r.updated} 条，解除 ${r.closed} 条；未处理 ${r.open.total} 条`);
  } catch (err) {
    console.error('[risk] evaluate', err);
    return fail('评估失败，请稍后重试');
  }
}

/** Form fields `p.<key>`; ratios and percentage points are typed in percent on the form. */
export async function saveRuleAction(_prev: ActionState | null, form: FormData): Promise<ActionState> {
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
  const viewer = await getViewer();
  try {
    const db = getDb();
    const saved = await saveRuleConfig(db, viewer.scope, viewer.name, { ruleCode: code, params, enabled: form.get('enabled') === 'on', note: String(form.get('note') ?? '') });
    if (!saved.ok) return fail(saved.errors.join('；'));
    if (!saved.changed) return done('阈值没有变化，未生成新版本');
    const r = await evaluateWarnings(db, { trigger: 'RULE_CHANGE', actor: viewer.name });
    refresh();
    return done(`已保存为第${saved.version}版并重新评估：新发 ${r.raised} 条，解除 ${r.closed} 条；未处理 ${r.open.total} 条`);
  } catch (err) {
    if (err instanceof ScopeError) return fail(err.message);
    console.error('[risk] rule', err);
    return fail('保存失败，请稍后重试');
  }
}
