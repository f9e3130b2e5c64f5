import 'server-only';
import { cache } from 'react';
import { getDb } from '../../db';
import type { SchemeFilter } from '../../domain/codes';
import { loadCollectionYear } from './inputs';

export interface CollectionRequest {
  year: number;
  scheme: SchemeFilter;
  /** a county code, or 'ALL' for the city */
  region: string | 'ALL';
}

/** One load of the year's inputs per request, shared by the widgets of the 参保征缴 page. */
export const collectionYearFor = cache((cityCode: string, scheme: SchemeFilter, year: number) =>
  loadCollectionYear(getDb(), cityCode, scheme, year));
