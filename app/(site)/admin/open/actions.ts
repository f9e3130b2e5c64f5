'use server';
// Publishing and withdrawing the annual public report (医保函〔2020〕135号 三). Administrators only: the
// role comes from the session (viewerForAction), never from the form. After a change every /open page is
// regenerated from the releases (the pages are cached per release).
import { revalidatePath, updateTag } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { viewerForAction } from '@/lib/auth/viewer';
import { OPEN_CACHE_TAG } from '@/lib/open/data';
import { publishOpenReport, withdrawOpenReport } from '@/lib/open/publish';

export interface OpenActionState {
  ok: boolean;
  message: string;
  at: number;
}

const fail = (message: string): OpenActionState => ({ ok: false, message, at: Date.now() });
const done = (message: string): OpenActionState => ({ ok: true, message, at: Date.now() });

function refreshOpen() {
  updateTag(OPEN_CACHE_TAG);
  revalidatePath('/open', 'layout');
  revalidatePath('/admin/open');
}

const publishSchema = z.object({
  year: z.coerce.number().int('年份应为整数').min(2000, '年份无效').max(2100, '年份无效'),
  note: z.string().trim().max(200, '说明不超过200字').optional(),
  city: z.string().regex(/^[0-9A-Z]{6}$/, '地市代码无效').optional(),
});

export async function publishOpenReportAction(_prev: OpenActionState | null, form: FormData): Promise<OpenActionState> {
  const { viewer, denied } = await viewerForAction(['admin']);
  if (!viewer) return fail(denied);
  const parsed = publishSchema.safeParse({ year: form.get('year'), note: form.get('note') ?? undefined, city: form.get('city') || undefined });
  if (!parsed.success) return fail(parsed.error.issues[0].message);
  try {
    const r = await publishOpenReport(getDb(), viewer, parsed.data.year, { cityCode: parsed.data.city, note: parsed.data.note || undefined });
    refreshOpen();
    return done(`已发布${parsed.data.city ? `${r.payload.cityName}` : ''}${r.year}年度公开报告第${r.version}版`);
  } catch (err) {
    return fail((err as Error).message);
  }
}

const withdrawSchema = z.object({
  id: z.coerce.number().int().positive('发布记录无效'),
  reason: z.string().trim().min(1, '撤回须说明理由').max(200, '理由不超过200字'),
  city: z.string().regex(/^[0-9A-Z]{6}$/, '地市代码无效').optional(),
});

export async function withdrawOpenReportAction(_prev: OpenActionState | null, form: FormData): Promise<OpenActionState> {
  const { viewer, denied } = await viewerForAction(['admin']);
  if (!viewer) return fail(denied);
  const parsed = withdrawSchema.safeParse({ id: form.get('id'), reason: form.get('reason') ?? '', city: form.get('city') || undefined });
  if (!parsed.success) return fail(parsed.error.issues[0].message);
  try {
    await withdrawOpenReport(getDb(), viewer, parsed.data.id, parsed.data.reason, parsed.data.city);
    refreshOpen();
    return done('已撤回该版本，上一版本重新生效');
  } catch (err) {
    return fail((err as Error).message);
  }
}
