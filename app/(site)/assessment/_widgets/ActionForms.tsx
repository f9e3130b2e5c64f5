'use client';
import { useActionState } from 'react';
import { publishAction, saveSchemeAction, withdrawAction, type ActionState } from '../actions';
import s from '../assessment.module.css';

function Msg({ state }: { state: ActionState | null }) {
  if (!state) return null;
  return (
    <p role="status" className={state.ok ? s.msgOk : s.msgErr} data-testid="action-message">
      {state.message}
    </p>
  );
}

/** `city`: the selected city among several (the release is that city's); absent with one city. */
export function PublishForm({ year, republish, city }: { year: number; republish: boolean; city?: string }) {
  const [state, action, pending] = useActionState(publishAction, null);
  return (
    <form action={action} className="no-print" style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
      <input type="hidden" name="year" value={year} />
      {city && <input type="hidden" name="city" value={city} />}
      <label>
        说明 <input type="text" name="note" placeholder={republish ? '重新发布的理由' : '如：经市政府审定'} maxLength={500} />
      </label>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? '发布中…' : republish ? `按当前数据重新发布${year}年结果` : `发布${year}年考核结果`}
      </button>
      <Msg state={state} />
    </form>
  );
}

export function WithdrawForm({ releaseId, city }: { releaseId: number; city?: string }) {
  const [state, action, pending] = useActionState(withdrawAction, null);
  return (
    <form action={action} className="no-print" style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
      <input type="hidden" name="releaseId" value={releaseId} />
      {city && <input type="hidden" name="city" value={city} />}
      <label>
        撤回理由 <input type="text" name="note" maxLength={300} required />
      </label>
      <button type="submit" className="btn" disabled={pending}>撤回此版本</button>
      <Msg state={state} />
    </form>
  );
}

export function SchemeForm({ body, disabled }: { body: string; disabled: boolean }) {
  const [state, action, pending] = useActionState(saveSchemeAction, null);
  return (
    <form action={action} className={s.form}>
      <label htmlFor="scheme-body">方案内容（JSON：考核领域、指标代码、权重、计分规则、缺失数据规则、等级线）</label>
      <textarea id="scheme-body" name="body" defaultValue={body} disabled={disabled} spellCheck={false} />
      <p>
        <label>
          修改理由（必填）<br />
          <input type="text" name="reason" required disabled={disabled} maxLength={500} />
        </label>
      </p>
      <button type="submit" className="btn btn-primary" disabled={disabled || pending}>
        {pending ? '保存中…' : '保存为新版本'}
      </button>
      <Msg state={state} />
    </form>
  );
}
