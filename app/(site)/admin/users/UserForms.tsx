'use client';

import { useActionState, useEffect, useRef } from 'react';
import { createUserAction, resetPasswordAction, setDisabledAction, updateRoleAction } from './actions';
import type { FormState } from '../../ui/actionState';
import f from '../../ui/forms.module.css';

type Region = { code: string; name: string };
const ROLES = [
  { value: 'city', label: '市医保局（全市）' },
  { value: 'county', label: '县（市、区）' },
  { value: 'admin', label: '管理员' },
];

/**
 * The region select: a county user's county; with several cities in the warehouse, also the cities a city
 * user may be bound to (— for a city user: every city). The server checks the pair (lib/auth/users boundRegion).
 */
function RegionSelect({ regionCode, regions, cities }: { regionCode: string | null; regions: Region[]; cities: Region[] }) {
  const counties = regions.map((r) => <option key={r.code} value={r.code}>{r.name}</option>);
  return (
    <select name="regionCode" defaultValue={regionCode ?? ''}>
      <option value="">{cities.length > 0 ? '—（市级用户：全省）' : '—'}</option>
      {cities.length > 0 ? (
        <>
          <optgroup label="地市（市级用户）">{cities.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}</optgroup>
          <optgroup label="县（市、区）（县级用户）">{counties}</optgroup>
        </>
      ) : counties}
    </select>
  );
}

function Msg({ state }: { state: FormState | null }) {
  if (!state) return null;
  return <p className={state.ok ? f.msgOk : f.msgErr} role={state.ok ? 'status' : 'alert'}>{state.message}</p>;
}

export function CreateUserForm({ regions, cities, minLength }: { regions: Region[]; cities: Region[]; minLength: number }) {
  const [state, action, pending] = useActionState<FormState | null, FormData>(createUserAction, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} aria-label="新建用户" style={{ display: 'grid', gap: 12 }}>
      <div className={f.inline}>
        <label className={f.field}><span>用户名</span><input name="username" required pattern="[a-z0-9_.\-]{2,40}" title="2-40位小写字母、数字、下划线、点或连字符" autoComplete="off" /></label>
        <label className={f.field}><span>姓名或单位</span><input name="name" required maxLength={60} /></label>
        <label className={f.field}><span>角色</span>
          <select name="role" defaultValue="city">{ROLES.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}</select>
        </label>
        <label className={f.field}><span>{cities.length > 0 ? '所属地区（县级用户必选；市级用户可选地市）' : '所属地区（县级用户）'}</span>
          <RegionSelect regionCode={null} regions={regions} cities={cities} />
        </label>
        <label className={f.field}><span>初始密码（至少{minLength}位）</span><input name="password" type="password" required minLength={minLength} maxLength={128} autoComplete="new-password" /></label>
      </div>
      <div><button type="submit" className="btn btn-primary" disabled={pending}>新建用户</button></div>
      <Msg state={state} />
    </form>
  );
}

export function ResetPasswordForm({ userId, username, minLength }: { userId: string; username: string; minLength: number }) {
  const [state, action, pending] = useActionState<FormState | null, FormData>(resetPasswordAction, null);
  return (
    <form action={action} className={f.inline} aria-label={`重置 ${username} 的密码`}>
      <input type="hidden" name="userId" value={userId} />
      <label className={f.field}><span>新密码</span><input name="password" type="password" required minLength={minLength} maxLength={128} autoComplete="new-password" /></label>
      <button type="submit" className="btn" disabled={pending}>重置密码</button>
      <Msg state={state} />
    </form>
  );
}

export function RoleForm({ userId, username, role, regionCode, regions, cities }: { userId: string; username: string; role: string; regionCode: string | null; regions: Region[]; cities: Region[] }) {
  const [state, action, pending] = useActionState<FormState | null, FormData>(updateRoleAction, null);
  return (
    <form action={action} className={f.inline} aria-label={`修改 ${username} 的角色`}>
      <input type="hidden" name="userId" value={userId} />
      <label className={f.field}><span>角色</span>
        <select name="role" defaultValue={role}>{ROLES.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}</select>
      </label>
      <label className={f.field}><span>地区</span>
        <RegionSelect regionCode={regionCode} regions={regions} cities={cities} />
      </label>
      <button type="submit" className="btn" disabled={pending}>保存角色</button>
      <Msg state={state} />
    </form>
  );
}

export function DisableForm({ userId, username, disabled }: { userId: string; username: string; disabled: boolean }) {
  const [state, action, pending] = useActionState<FormState | null, FormData>(setDisabledAction, null);
  return (
    <form action={action} className={f.inline} aria-label={`${disabled ? '启用' : '停用'} ${username}`}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? '0' : '1'} />
      <button type="submit" className="btn" disabled={pending}>{disabled ? '启用' : '停用'}</button>
      <Msg state={state} />
    </form>
  );
}
