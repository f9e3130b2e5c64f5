'use server';
// Server actions of the 考核 page and the admin scheme page. Each asks getViewer() on the server: publishing a
// year is the city's act (市医保局 or 管理员); editing the scheme is the administrator's only.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { SchemeError } from '@/lib/assessment/scheme';
import { loadDatasetInfo, type DatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import { ScopeError } from '@/lib/auth/scope';
import { selectCity } from '@/lib/regions/selectCity';
import type { Viewer } from '@/lib/auth/viewer';
import { publishAssessment, saveSchemeVersion } from '@/lib/queries/assessment/store';
import { ReleaseError, withdrawRelease } from '@/lib/release';

export interface ActionState {
  ok: boolean;
  message: string;
  at: number;
}
const fail = (message: string): ActionState => ({ ok: false, message, at: Date.now() });
const done = (message: string): ActionState => ({ ok: true, message, at: Date.now() });

/**
 * The city a form acts for: its hidden `city` field judged as the page's URL is (lib/regions/selectCity), so
 * a bound city user cannot act for another city. Returns the city's dataset, or the Chinese message why not
 * (no data, another city, several cities and none named).
 */
async function formCity(viewer: Viewer, form: FormData): Promise<DatasetInfo | string> {
  const db = getDb();
  const all = await loadDatasetInfo(db);
  if (!all) return '尚未装载数据';
  let city: string | null;
  try {
    city = selectCity(all.cities, { city: String(form.get('city') ?? '') || undefined }, viewer.scope);
  } catch (e) {
    if (e instanceof ScopeError) return e.message;
    throw e;
  }
  const info = city ? await loadDatasetInfo(db, city) : all;
  if (!info || info.level !== 'city') return '本库含多个地市：请先选择地市';
  return info;
}

const publishSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100), note: z.string().max(500).default('') });

export async function publishAction(_prev: ActionState | null, form: FormData): Promise<ActionState> {
  const viewer = await getViewer();
  if (viewer.scope.kind !== 'city' || (viewer.role !== 'city' && viewer.role !== 'admin')) return fail('只有市医保局可以发布考核结果');
  const parsed = publishSchema.safeParse({ year: form.get('year'), note: form.get('note') ?? '' });
  if (!parsed.success) return fail('年度无效');
  try {
    const db = getDb();
    const info = await formCity(viewer, form);
    if (typeof info === 'string') return fail(info);
    const r = await publishAssessment(db, { cityCode: info.cityCode, counties: info.counties.map((c) => c.code), year: parsed.data.year, by: viewer.name, note: parsed.data.note || undefined });
    revalidatePath('/assessment');
    return done(`已发布${info.cities.length > 1 ? info.cityName : ''}${r.year}年度考核结果（第${r.version}版），此后的数据更正不会改变已发布结果`);
  } catch (e) {
    if (e instanceof ReleaseError) return fail(e.message);
    console.error('[assessment] publish', e);
    return fail('发布失败，请稍后重试');
  }
}

export async function withdrawAction(_prev: ActionState | null, form: FormData): Promise<ActionState> {
  const viewer = await getViewer();
  if (viewer.scope.kind !== 'city' || (viewer.role !== 'city' && viewer.role !== 'admin')) return fail('只有市医保局可以撤回考核结果');
  const id = Number(form.get('releaseId'));
  const note = String(form.get('note') ?? '');
  if (!Number.isInteger(id)) return fail('发布记录无效');
  try {
    const info = await formCity(viewer, form);
    if (typeof info === 'string') return fail(info);
    await withdrawRelease(getDb(), info.cityCode, id, viewer.name, note);
    revalidatePath('/assessment');
    return done('已撤回该版本；如有上一已发布版本，则恢复为上一版本');
  } catch (e) {
    if (e instanceof ReleaseError) return fail(e.message);
    console.error('[assessment] withdraw', e);
    return fail('撤回失败，请稍后重试');
  }
}

export async function saveSchemeAction(_prev: ActionState | null, form: FormData): Promise<ActionState> {
  const viewer = await getViewer();
  if (viewer.role !== 'admin') return fail('只有管理员可以修改考核方案');
  try {
    const v = await saveSchemeVersion(getDb(), { body: String(form.get('body') ?? ''), by: viewer.name, reason: String(form.get('reason') ?? '') });
    revalidatePath('/assessment');
    revalidatePath('/admin/assessment');
    return done(`已保存为考核方案第${v.version}版；已发布年度的结果不受影响`);
  } catch (e) {
    if (e instanceof SchemeError) return fail(e.issues.length ? `方案有误，未保存：\n${e.issues.map((i) => `· ${i.path || '（根）'}：${i.message}`).join('\n')}` : e.message);
    console.error('[assessment] scheme', e);
    return fail('保存失败，请稍后重试');
  }
}
