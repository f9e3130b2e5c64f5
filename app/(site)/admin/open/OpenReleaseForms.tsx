'use client';
// The two forms of 管理 · 年度公开报告, with the action's answer shown beside them.
import { useActionState } from 'react';
import { publishOpenReportAction, withdrawOpenReportAction, type OpenActionState } from './actions';

function Answer({ state }: { state: OpenActionState | null }) {
  if (!state) return null;
  return <p role={state.ok ? 'status' : 'alert'} className={state.ok ? undefined : 'error-state'} style={{ margin: '6px 0 0' }}>{state.message}</p>;
}

/** `city`: the city whose report is published (several cities in the warehouse); absent with one city. */
export function PublishForm({ years, city }: { years: number[]; city?: string }) {
  const [state, action, pending] = useActionState(publishOpenReportAction, null);
  return (
    <form action={action} className="card" style={{ padding: 12, display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end' }}>
      {city && <input type="hidden" name="city" value={city} />}
      <label>
        年度（只能发布数据完整的年度）
        <br />
        <select name="year" defaultValue={String(years.at(-1) ?? '')}>
          {[...years].reverse().map((y) => <option key={y} value={y}>{y}年</option>)}
        </select>
      </label>
      <label>
        说明（可选）
        <br />
        <input name="note" maxLength={200} />
      </label>
      <button type="submit" className="btn" disabled={pending}>发布新版本</button>
      <Answer state={state} />
    </form>
  );
}

export function WithdrawForm({ id, label, city }: { id: number; label: string; city?: string }) {
  const [state, action, pending] = useActionState(withdrawOpenReportAction, null);
  return (
    <form action={action} style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
      <input type="hidden" name="id" value={id} />
      {city && <input type="hidden" name="city" value={city} />}
      <input name="reason" required maxLength={200} aria-label={`撤回${label}的理由`} placeholder="理由" />
      <button type="submit" className="btn" disabled={pending}>撤回</button>
      <Answer state={state} />
    </form>
  );
}
