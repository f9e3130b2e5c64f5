'use client';

import { useActionState } from 'react';
import type { ParamSpec } from '@/lib/risk/types';
import { saveRuleAction, type ActionState } from '../actions';
import s from '../risk.module.css';

const pct = (u: string) => u === 'ratio' || u === 'pp';
const suffix: Record<string, string> = { ratio: '%', pp: '个百分点', months: '个月', count: '', yuan: '元', yuan_per_person: '元', multiple: '' };
/** Stored fractions are typed as percent; round away float noise (0.015 × 100 = 1.5000000000000002). */
const shown = (v: number, u: string) => (pct(u) ? Math.round(v * 100 * 1e6) / 1e6 : v);

/** 调整阈值: saving stores a new rule version (who/when/note) and re-evaluates at once. */
export default function RuleForm({ code, params, values, enabled }: { code: string; params: ParamSpec[]; values: Record<string, number>; enabled: boolean }) {
  const [state, action, pending] = useActionState<ActionState | null, FormData>(saveRuleAction, null);
  return (
    <form action={action} className={s.form} aria-label="调整阈值">
      <input type="hidden" name="ruleCode" value={code} />
      <div className={s.paramGrid}>
        {params.map((p) => (
          <label key={p.key}>
            <span>{p.label}{suffix[p.unit] ? <span className="unit">（{suffix[p.unit]}）</span> : null}</span>
            <input
              type="number"
              name={`p.${p.key}`}
              defaultValue={shown(values[p.key], p.unit)}
              step={p.step !== undefined ? shown(p.step, p.unit) : 'any'}
              min={p.min !== undefined ? shown(p.min, p.unit) : undefined}
              max={p.max !== undefined ? shown(p.max, p.unit) : undefined}
              required
            />
          </label>
        ))}
      </div>
      <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
        <input type="checkbox" name="enabled" defaultChecked={enabled} /> 启用该规则
      </label>
      <label style={{ display: 'grid', gap: 2 }}>
        <span>调整说明（必填，记入版本记录）</span>
        <textarea name="note" required minLength={2} maxLength={500} placeholder="如：按省局2025年考核口径调整" />
      </label>
      <div><button type="submit" className="btn btn-primary" disabled={pending}>{pending ? '保存并评估中…' : '保存为新版本并重新评估'}</button></div>
      {state && <p className={state.ok ? s.msgOk : s.msgErr} role={state.ok ? 'status' : 'alert'}>{state.message}</p>}
    </form>
  );
}
