import FilterAutoSubmit from '@/app/(site)/ui/FilterAutoSubmit';
import FilterNavigate from './FilterNavigate';
import type { RiskFilters } from '@/lib/queries/risk/filters';
import { RULES } from '@/lib/risk/rules';
import { SEVERITIES, WARNING_STATUSES } from '@/lib/risk/types';

/** status / severity / region / rule in the URL (a GET form that works without JavaScript; FilterNavigate keeps it in the router). */
export default function RiskFilterBar({ filters, regions }: { filters: RiskFilters; regions: { code: string; name: string }[] }) {
  const id = 'risk-filter';
  return (
    <form action="/risk" method="get" id={id} className="filter-bar" aria-label="筛选预警">
      <label className="filter-field">
        状态
        <select name="status" defaultValue={filters.status} key={`st-${filters.status}`}>
          <option value="open">未处理（新发、已核实）</option>
          <option value="all">全部</option>
          {WARNING_STATUSES.map((x) => <option key={x.code} value={x.code}>{x.name}</option>)}
        </select>
      </label>
      <label className="filter-field">
        严重程度
        <select name="severity" defaultValue={filters.severity} key={`sv-${filters.severity}`}>
          <option value="ALL">全部</option>
          {SEVERITIES.map((x) => <option key={x.code} value={x.code}>{x.name}</option>)}
        </select>
      </label>
      <label className="filter-field">
        地区
        <select name="region" defaultValue={filters.region} key={`r-${filters.region}`}>
          <option value="ALL">全部地区</option>
          {regions.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
        </select>
      </label>
      <label className="filter-field">
        规则
        <select name="rule" defaultValue={filters.rule} key={`ru-${filters.rule}`}>
          <option value="ALL">全部规则</option>
          {RULES.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
        </select>
      </label>
      {filters.city && <input type="hidden" name="city" value={filters.city} />}
      {filters.pscheme !== 'RESIDENT' && <input type="hidden" name="pscheme" value={filters.pscheme} />}
      <button type="submit" className="btn btn-primary filter-submit">查询</button>
      <FilterAutoSubmit formId={id} />
      <FilterNavigate formId={id} />
    </form>
  );
}
