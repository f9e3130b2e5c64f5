// Reference data an import validates codes against, and human labels for scopes in the batch history.
import 'server-only';
import type { Db } from '../db';
import { SCHEMES } from '../domain/codes';
import { formatPeriod } from '../format';

export interface RegionRef { code: string; name: string; shortName: string; kind: string; parentCode: string | null; successorCode?: string | null; successorFrom?: number | null }
export interface InstitutionRef { code: string; name: string; regionCode: string; level: string }

export interface Reference {
  regions: Map<string, RegionRef>;
  institutions: Map<string, InstitutionRef>;
}

export async function loadReference(db: Db): Promise<Reference> {
  const [regions, institutions] = await Promise.all([
    db.prisma.region.findMany({ select: { code: true, name: true, shortName: true, kind: true, parentCode: true, successorCode: true, successorFrom: true } }),
    db.prisma.institution.findMany({ select: { code: true, name: true, regionCode: true, level: true } }),
  ]);
  return {
    regions: new Map(regions.map((r) => [r.code, r])),
    institutions: new Map(institutions.map((i) => [i.code, i])),
  };
}

const schemeShort = (code: string) => SCHEMES.find((s) => s.code === code)?.short ?? code;

/** '石门县 · 居民医保 · 2024年3月' for a scope given as column → value. */
export function scopeLabelOf(ref: Reference, values: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined) continue;
    if (k === 'regionCode' || k === 'insuredRegionCode' || (k === 'code' && ref.regions.has(String(v)))) parts.push(ref.regions.get(String(v))?.name ?? String(v));
    else if (k === 'institutionCode') parts.push(ref.institutions.get(String(v))?.name ?? String(v));
    else if (k === 'schemeCode') parts.push(schemeShort(String(v)));
    else if (k === 'period') parts.push(formatPeriod(Number(v)));
    else if (k === 'year') parts.push(`${v}年`);
    else parts.push(String(v));
  }
  return parts.join(' · ');
}
