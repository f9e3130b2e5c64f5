'use server';
// Starts the generation of a month's reports (every edition) in the generator process; the page then
// shows the job's progress. City analysts and admins only (checked here, on the server).
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getViewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { canGenerate } from '@/lib/reports/access';
import { startReportJob } from '@/lib/reports/jobs';

const schema = z.object({ period: z.coerce.number().int().min(200001).max(210012).refine((p) => p % 100 >= 1 && p % 100 <= 12, '月份无效') });

export async function generateReportsAction(form: FormData): Promise<void> {
  const viewer = await getViewer();
  if (!canGenerate(viewer)) redirect('/reports?error=forbidden');
  const parsed = schema.safeParse({ period: form.get('period') });
  if (!parsed.success) redirect('/reports?error=period');
  const db = getDb();
  const has = await db.prisma.ledgerFact.count({ where: { period: parsed.data.period } });
  if (!has) redirect('/reports?error=nodata');
  const id = await startReportJob(db, { periods: [parsed.data.period], trigger: 'MANUAL', by: viewer.name });
  redirect(`/reports?job=${id}`);
}
