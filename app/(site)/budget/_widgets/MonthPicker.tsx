import Form from 'next/form';
import FilterAutoSubmit from '../../ui/FilterAutoSubmit';

/**
 * 统计截至月份: the as-of month of the execution review, in the URL (?month=3) next to the shared
 * year/scheme/region filters, which it keeps as hidden fields. Works without JavaScript (GET form).
 */
export default function MonthPicker({ month, lastMonth, hidden }: { month: number; lastMonth: number; hidden: Record<string, string> }) {
  const id = 'month-picker';
  return (
    <Form action="" replace scroll={false} id={id} className="filter-bar" aria-label="统计截至月份">
      <label className="filter-field">
        统计截至
        <select name="month" defaultValue={String(month)} key={`m-${month}`}>
          {Array.from({ length: lastMonth }, (_, i) => i + 1).map((m) => (
            <option key={m} value={m}>
              {m}月末
            </option>
          ))}
        </select>
      </label>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <span className="filter-field" style={{ alignSelf: 'center' }}>
        执行率与序时进度、历年季节性进度按此月份计算；预算按截至该月已批准的最新版本。
      </span>
      <button type="submit" className="btn btn-primary filter-submit">
        查询
      </button>
      <FilterAutoSubmit formId={id} />
    </Form>
  );
}
