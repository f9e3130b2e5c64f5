// Blank templates: /api/import/templates/enrollment.csv (UTF-8 with BOM) or …/enrollment.xlsx (with a 说明
// sheet). ?example=1 fills in the documented example rows.
import { TEMPLATE_LIST } from '@/lib/ingest/templates';
import { templateCsv, templateXlsx } from '@/lib/ingest/export';
import { viewerFor } from '@/lib/auth/viewer';

export const runtime = 'nodejs';

export async function GET(req: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  // Any signed-in user: county offices fill the templates they report in.
  const viewer = await viewerFor();
  if (viewer instanceof Response) return viewer;
  const { file } = await params;
  const m = /^([a-z-]+)\.(csv|xlsx)$/.exec(file);
  const tpl = m ? TEMPLATE_LIST.find((t) => t.slug === m[1]) : undefined;
  if (!m || !tpl) return new Response('没有这个模板', { status: 404 });
  const example = new URL(req.url).searchParams.get('example') === '1';
  const name = `${tpl.name.replace(/[（）()]/g, '')}导入模板${example ? '（示例）' : ''}.${m[2]}`;
  const body = m[2] === 'csv' ? templateCsv(tpl.kind, example ? tpl.examples : []) : await templateXlsx(tpl.kind, [], { withExamples: example });
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': m[2] === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${tpl.slug}.${m[2]}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  });
}
