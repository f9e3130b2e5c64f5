'use server';
// Starts the generation of a month's reports (every edition) in the generator process; the page then
// shows the job's progress. City analysts and admins only (checked here, on the server). With several cities
// in the warehouse, the selected city's editions only; a city user bound to a city, that city's only
// (lib/reports/access generationCity): never every city's nor another city's.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getViewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { canGenerate, generationCity } from '@/lib/reports/access';
import { startReportJob } from '@/lib/reports/jobs';
import { editionCodes, loadPools } from '@/lib/reports/months';
import { ScopeError } from '@/lib/queries/scope';

const schema = z.object({ period: z.coerce.number().int().min(200001).max(210012).refine((p) => p % 100 >= 1 && p % 100 <= 12, '月份无效') });

/** Form fields `period` (YYYYMM) and, with several cities in the warehouse, `city`: that city's editions only. */
export async function generateReportsAction(form: FormData): Promise<void> {
  const viewer = await getViewer();
  if (!canGenerate(viewer)) redirect('/reports?error=forbidden');
  const db = getDb();
  const pools = await loadPools(db);
  const asked = form.get('city');
  let city: string | null = null;
  try {
    city = generationCity(viewer, pools, typeof asked === 'string' && asked !== '' ? asked : null);
  } catch (e) {
    if (e instanceof ScopeError) redirect('/reports?error=city');
    throw e;
  }
  // `city=` in the way back only when there is a city to select among several.
  const back = city && pools.length > 1 ? `/reports?city=${city}&` : '/reports?';
  const parsed = schema.safeParse({ period: form.get('period') });
  if (!parsed.success) redirect(`${back}error=period`);
  const regionCodes = city ? await editionCodes(db, city) : undefined;
  const has = await db.prisma.ledgerFact.count({ where: { period: parsed.data.period, ...(regionCodes ? { regionCode: { in: regionCodes } } : {}) } });
  if (!has) redirect(`${back}error=nodata`);
  const id = await startReportJob(db, { periods: [parsed.data.period], ...(regionCodes ? { regionCodes } : {}), cityCode: city, trigger: 'MANUAL', by: viewer.name });
  redirect(`${back}job=${id}`);
}
