import { Suspense } from 'react';
import Form from 'next/form';
import FilterAutoSubmit from './FilterAutoSubmit';

/** Value of the scheme and region selects meaning "no filter". */
export const ALL = 'ALL';

export const SCHEME_OPTIONS: readonly { value: string; label: string }[] = [
  { value: ALL, label: '全部险种' },
  { value: 'EMPLOYEE', label: '职工医保' },
  { value: 'RESIDENT', label: '城乡居民医保' },
  { value: 'MATERNITY', label: '生育保险' },
];

export const DEFAULT_YEARS: readonly number[] = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];

export interface FilterBarProps {
  year: number;
  /** 'ALL' | 'EMPLOYEE' | 'RESIDENT' | 'MATERNITY' */
  scheme: string;
  /** A region code, or 'ALL' for 全市. */
  region: string;
  years: number[];
  regions: { code: string; name: string }[];
  /** Other URL params to keep when the filters change (e.g. a table sort, the selected city for a county user). */
  extraHidden?: Record<string, string>;
  /**
   * The province's cities, when the warehouse holds several and the viewer may choose (city and admin
   * roles): a 地市 select (`city`, '' = 全省); `city` is the selected one ('' at province level).
   */
  cities?: { code: string; name: string }[];
  city?: string;
  /** The label of the region select's "no filter" option (default 全市). */
  allLabel?: string;
}

/**
 * URL-driven filters (year / scheme / region). A GET form that works without JavaScript; with JavaScript,
 * next/form turns the submit into a client-side navigation and FilterAutoSubmit submits on change.
 * The page parses the params (zod) and passes the parsed values back in.
 */
export default function FilterBar({ year, scheme, region, years, regions, extraHidden, cities, city = '', allLabel = '全市' }: FilterBarProps) {
  const hidden = Object.entries(extraHidden ?? {}).filter(([k]) => !(cities && k === 'city'));
  const id = 'filter-bar';
  return (
    <Form action="" replace scroll={false} id={id} className="filter-bar" aria-label="筛选条件">
      <label className="filter-field">
        年度
        <select name="year" defaultValue={String(year)} key={`y-${year}`}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </select>
      </label>
      <label className="filter-field">
        险种
        <select name="scheme" defaultValue={scheme} key={`s-${scheme}`}>
          {SCHEME_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      {cities && cities.length > 1 && (
        <label className="filter-field">
          地市
          <select name="city" defaultValue={city} key={`c-${city}`}>
            <option value="">全省</option>
            {cities.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {regions.length > 0 && (
        <label className="filter-field">
          地区
          <select name="region" defaultValue={region} key={`r-${region}`}>
            <option value={ALL}>{allLabel}</option>
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {hidden.map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <button type="submit" className="btn btn-primary filter-submit">
        查询
      </button>
      {/* Its own boundary: it reads the URL (useSearchParams), which on a kept rendering (lib/auth/pageCache)
          would otherwise leave everything up to the page's loading state to the browser, unrendered in the HTML. */}
      <Suspense fallback={null}>
        <FilterAutoSubmit formId={id} />
      </Suspense>
    </Form>
  );
}
