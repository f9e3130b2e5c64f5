import 'server-only';
import { cache } from 'react';
import { getDb } from '../../db';
import { cachedByDataVersion } from '../../cache';
import type { SchemeFilter } from '../../domain/codes';
import { loadBudgetData } from './data';

export interface BudgetRequest {
  year: number;
  scheme: SchemeFilter;
  /** a county code, or 'ALL' for the city */
  region: string | 'ALL';
  /** as-of month 1..12 (null = the year's last month with data) */
  month: number | null;
}

/** One load of the budget facts per request and scheme filter, shared by the widgets of 预算执行. */
export const budgetDataFor = cache(cachedByDataVersion('budget/data', (cityCode: string, scheme: SchemeFilter) => loadBudgetData(getDb(), cityCode, scheme)));
