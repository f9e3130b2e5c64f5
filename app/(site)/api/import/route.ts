// Upload for the admin import page: the raw file body streams to a temporary file (hashed on the way),
// then the import runs in the background and this answers with the job id to poll. Admins only, same-site
// only, one import at a time; the outcome is audited under the admin's name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { TEMPLATE_KINDS } from '@/lib/ingest/templates';
import { startImportJob } from '@/lib/ingest/jobs';
import { auditActor, clientIp, viewerFor } from '@/lib/auth/viewer';
import { crossSiteRefusal } from '@/lib/auth/origin';
import { isRunning } from '@/lib/auth/throttle';
import { LIMITS, bytesLabel } from '@/lib/ingest/limits';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';


const Query = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(TEMPLATE_KINDS).optional(),
  mode: z.enum(['APPEND', 'REPLACE']).default('APPEND'),
  /** XLSX: the sheet to read (name or number); default the first visible sheet. */
  sheet: z.string().trim().max(100).optional(),
});

export async function POST(req: Request): Promise<Response> {
  const refused = crossSiteRefusal(req);
  if (refused) return Response.json({ error: refused }, { status: 403 });
  const viewer = await viewerFor(['admin']);
  if (viewer instanceof Response) return viewer;
  if (isRunning('import')) return Response.json({ error: '已有导入正在进行，请等它完成后再上传' }, { status: 429 });
  const url = new URL(req.url);
  const q = Query.safeParse({
    name: url.searchParams.get('name') ?? undefined,
    kind: url.searchParams.get('kind') || undefined,
    mode: url.searchParams.get('mode') || undefined,
    sheet: url.searchParams.get('sheet') || undefined,
  });
  if (!q.success) return Response.json({ error: '请求参数不正确（文件名、模板或导入方式）' }, { status: 400 });
  if (!req.body) return Response.json({ error: '没有收到文件内容' }, { status: 400 });
  // Limits before any work (issue 12 §8): a declared size beyond the limit is refused before the upload is read.
  const maxBytes = LIMITS.fileBytes;
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return Response.json({ error: `文件有${bytesLabel(declared)}，超过${bytesLabel(maxBytes)}的上限：请按月份或地区拆分后导入` }, { status: 413 });
  const ext = path.extname(q.data.name).toLowerCase().replace(/[^.a-z0-9]/g, '').slice(0, 8);
  const file = path.join(os.tmpdir(), `yibao-upload-${randomUUID()}${ext}`);
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _e, cb) {
      bytes += chunk.length;
      if (bytes > maxBytes) return cb(new Error(`文件超过${bytesLabel(maxBytes)}的上限`));
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(req.body as import('node:stream/web').ReadableStream), meter, fs.createWriteStream(file));
  } catch (e) {
    fs.rm(file, { force: true }, () => {});
    const tooLarge = bytes > maxBytes;
    return Response.json({ error: tooLarge ? `文件超过${bytesLabel(maxBytes)}的上限：请按月份或地区拆分后导入，或在服务器上用命令行导入（npm run import）` : '上传未完成，请重试' }, { status: tooLarge ? 413 : 400 });
  }
  if (bytes === 0) {
    fs.rm(file, { force: true }, () => {});
    return Response.json({ error: '文件为空' }, { status: 400 });
  }
  // The job removes the temp file when it ends; if it cannot start, it is removed here (no path leaves it).
  try {
    const jobId = startImportJob(getDb(), {
      file, fileName: path.basename(q.data.name), kind: q.data.kind, mode: q.data.mode, sheet: q.data.sheet, importedBy: `${viewer.name}（${viewer.username}）`, fileHash: hash.digest('hex'),
      audit: { actor: auditActor(viewer), ip: clientIp(req.headers) },
    });
    return Response.json({ jobId });
  } catch (e) {
    fs.rm(file, { force: true }, () => {});
    return Response.json({ error: `导入未能开始：${(e as Error).message}` }, { status: 500 });
  }
}
