'use server';
// 修改密码: the signed-in user's own password; the current one is checked, other sessions are revoked.
import { getDb } from '@/lib/db';
import { changeOwnPassword, UserError } from '@/lib/auth/users';
import { auditActor, viewerForAction } from '@/lib/auth/viewer';
import { formDone, formFail, type FormState } from '../ui/actionState';

export async function changePasswordAction(_prev: FormState | null, form: FormData): Promise<FormState> {
  const { viewer, denied } = await viewerForAction();
  if (!viewer) return formFail(denied);
  const current = String(form.get('current') ?? '');
  const next = String(form.get('next') ?? '');
  if (next !== String(form.get('confirm') ?? '')) return formFail('两次输入的新密码不一致');
  if (next === current) return formFail('新密码不能与当前密码相同');
  try {
    await changeOwnPassword(getDb(), { ...auditActor(viewer), id: viewer.userId! }, current, next, viewer.sessionToken ?? undefined);
    return formDone('密码已修改；其他设备上的登录已注销');
  } catch (err) {
    if (err instanceof UserError) return formFail(err.message);
    console.error('[account] password', err);
    return formFail('修改失败，请稍后重试');
  }
}
