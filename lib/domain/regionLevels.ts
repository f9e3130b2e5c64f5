// One hierarchy of regions: 国家 › 省 › 设区市 › 县级（区、县、县级市）, plus functional zones (功能区) under a
// city. Codes follow GB/T 2260: the nation is conventionally 100000, a province XX0000, a city XXXX00 and a
// county-level unit shares its city's first four digits; functional zones may use local codes (4399A1).
// Pure rules, used by the region import (lib/ingest) and wherever a level must be told apart.
import { REGION_KINDS, type RegionKind } from './codes';

/** The usual code of the nation (全国) in statistical tables built on GB/T 2260. */
export const NATION_CODE = '100000';

export const COUNTY_LEVEL_KINDS: readonly RegionKind[] = ['DISTRICT', 'COUNTY', 'COUNTY_CITY'];

/** The kind a region's parent must have (null: it has none). */
export const PARENT_KIND: Readonly<Record<RegionKind, RegionKind | null>> = {
  NATION: null,
  PROVINCE: 'NATION',
  CITY: 'PROVINCE',
  DISTRICT: 'CITY',
  COUNTY: 'CITY',
  COUNTY_CITY: 'CITY',
  ZONE: 'CITY',
};

export function isRegionKind(kind: string): kind is RegionKind {
  return Object.prototype.hasOwnProperty.call(REGION_KINDS, kind);
}

/** 县（市、区）: the units a county user belongs to and the city's comparison unit. */
export function isCountyLevel(kind: string): boolean {
  return (COUNTY_LEVEL_KINDS as readonly string[]).includes(kind);
}

/** Above the city (国家, 省): units that hold annual figures, not the city's monthly facts. */
export function isAboveCity(kind: string): boolean {
  return kind === 'NATION' || kind === 'PROVINCE';
}

/**
 * Whether a region of this kind must name its parent. County-level units and zones always belong to a
 * city; a city or a province may be loaded on its own (the demo city has no province above it).
 */
export function parentRequired(kind: RegionKind): boolean {
  return kind !== 'NATION' && kind !== 'PROVINCE' && kind !== 'CITY';
}

const national = (code: string) => /^\d{6}$/.test(code);

/** Why a code does not fit its kind under GB/T 2260, or null. Local codes (functional zones) are not checked. */
export function codeProblem(kind: RegionKind, code: string): string | null {
  switch (kind) {
    case 'NATION':
      return code === NATION_CODE ? null : `国家的区划代码应为${NATION_CODE}`;
    case 'PROVINCE':
      return /^\d{2}0000$/.test(code) && code !== NATION_CODE ? null : '省级区划代码应为六位数字、后四位为0（如430000）';
    case 'CITY':
      return /^\d{4}00$/.test(code) && !/0000$/.test(code) ? null : '设区市的区划代码应为六位数字、后两位为0（如439900）';
    case 'ZONE':
      return null;
    default:
      return national(code) && code.endsWith('00') ? '县（市、区）的区划代码后两位不应为00（那是设区市或省的代码）' : null;
  }
}

/**
 * Why `parent` cannot be the parent of a region of `kind` with `code`, or null. The parent's kind must be the
 * level right above; national codes must share the parent's prefix (a city its province's two digits, a
 * county its city's four).
 */
export function parentProblem(kind: RegionKind, code: string, parent: { code: string; kind: string }): string | null {
  const expected = PARENT_KIND[kind];
  if (expected === null) return `${REGION_KINDS[kind]}没有上级区划`;
  if (parent.kind !== expected) {
    const was = isRegionKind(parent.kind) ? REGION_KINDS[parent.kind] : parent.kind;
    return `${REGION_KINDS[kind]}的上级应为${REGION_KINDS[expected]}（${parent.code}是${was}）`;
  }
  const digits = expected === 'PROVINCE' ? 2 : expected === 'CITY' ? 4 : 0;
  if (digits > 0 && national(code) && national(parent.code) && code.slice(0, digits) !== parent.code.slice(0, digits)) {
    return `区划代码${code}的前${digits}位与上级${REGION_KINDS[expected]}${parent.code}不一致`;
  }
  return null;
}
