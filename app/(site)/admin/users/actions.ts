'use server';
// 用户管理 (admins only): create a user with role and region, reset a password, disable/enable, change
// role. Each checks the session's role first; lib/auth/users writes the audit trail.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/lib/db';
import { createUser, resetPassword, setDisabled, updateRole, UserError, USER_ROLES, type UserRole } from '@/lib/auth/users';
import { auditActor, viewerForAction } from '@/lib/auth/viewer';
import { formDone, formFail, type FormState } from '../../ui/actionState';

const str = (form: FormData, k: string) => String(form.get(k) ?? '').trim();

async function run(label: string, fn: () => Promise<string>): Promise<FormState> {
  try {
    const msg = await fn();
    revalidatePath('/admin/users');
    return formDone(msg);
  } catch (err) {
    if (err instanceof UserError) return formFail(err.message);
    console.error(`[users] ${label}`, err);
    return formFail('保存失败，请稍后重试');
  }
}

export async function createUserAction(_prev: FormState | null, form: FormData): Promise<FormState> {
  const { viewer, denied } = await viewerForAction(['admin']);
  if (!viewer) return formFail(denied);
  return run('create', async () => {
    const u = await createUser(getDb(), auditActor(viewer), {
      username: str(form, 'username'), name: str(form, 'name'), role: str(form, 'role') as UserRole,
      regionCode: str(form, 'regionCode') || null, password: String(form.get('password') ?? ''),
    });
    return `已新建用户 ${u.username}`;
  });
}

export async function resetPasswordAction(_prev: FormState | null, form: FormData): Promise<FormState> {
  const { viewer, denied } = await viewerForAction(['admin']);
  if (!viewer) return formFail(denied);
  return run('reset', async () => {
    await resetPassword(getDb(), auditActor(viewer), str(form, 'userId'), String(form.get('password') ?? ''));
    return '密码已重置，该用户需用新密码重新登录';
  });
}

export async function setDisabledAction(_prev: FormState | null, form: FormData): Promise<FormState> {
  const { viewer, denied } = await viewerForAction(['admin']);
  if (!viewer) return formFail(denied);
  const disabled = str(form, 'disabled') === '1';
  return run('disable', async () => {
    await setDisabled(getDb(), auditActor(viewer), str(form, 'userId'), disabled);
    return disabled ? '已停用，该用户的登录已注销' : '已启用';
  });
}

export async function updateRoleAction(_prev: FormState | null, form: FormData): Promise<FormState> {
  const { viewer, denied } = await viewerForAction(['admin']);
  if (!viewer) return formFail(denied);
  const role = str(form, 'role');
  if (!(USER_ROLES as readonly string[]).includes(role)) return formFail('未知角色');
  return run('role', async () => {
    await updateRole(getDb(), auditActor(viewer), str(form, 'userId'), role as UserRole, str(form, 'regionCode') || null);
    return '角色已修改，该用户需重新登录';
  });
}
