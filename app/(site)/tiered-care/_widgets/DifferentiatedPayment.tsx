import BarCompareChart from '../../ui/charts/BarCompareChart';
import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import EmptyState from '../../ui/EmptyState';
import ErrorState from '../../ui/ErrorState';
import { LEVELS, VISIT_TYPES, labelOf, type Level } from '@/lib/domain/codes';
import { formatPercent } from '@/lib/format';
import { indicators } from '@/lib/indicators/registry';
import { getDifferentiatedPayment } from '@/lib/queries/tieredCare/getDifferentiatedPayment';
import type { TieredCareRequest } from '@/lib/queries/tieredCare/data';
import type { DatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import type { Scope } from '@/lib/queries/scope';
import type { OrderViolation } from '@/lib/tieredCare/differentiatedPayment';
import { regionNamer } from './text';
import styles from '../tieredCare.module.css';
import { cite } from '@/lib/indicators/sources';

const LEVEL_SHORT: Record<Level, string> = { PRIMARY: '基层', COUNTY: '县级', CITY: '市级', OUT_OF_CITY: '市外' };
const violationText = (v: OrderViolation) =>
  `${LEVEL_SHORT[v.lower]}${formatPercent(v.lowerRatio)} ≥ ${LEVEL_SHORT[v.higher]}${formatPercent(v.higherRatio)}`;

/**
 * Fund payment ratio and cost per visit by facility level, per county, year and visit type, with the
 * PRIMARY > COUNTY > CITY check flagged where it fails.
 */
export default async function DifferentiatedPayment({ scope, info, req }: { scope: Scope; info: DatasetInfo; req: TieredCareRequest }) {
  let data;
  try {
    data = await getDifferentiatedPayment(scope, info.cityCode, req);
  } catch (err) {
    console.error('[tiered-care] payment', err);
    return <ErrorState message="差异化支付数据加载失败，请稍后重试。" />;
  }
  if (data.rows.length === 0) return <EmptyState reason="所选险种没有就诊结算数据" />;
  const name = regionNamer(info);
  const fr = indicators.fund_payment_ratio;
  const cpv = indicators.cost_per_visit;
  const regions = [info.cityCode, ...info.counties.map((c) => c.code)].filter((c) => data.flags.some((f) => f.region === c));
  const flagOf = (region: string, year: number) => data.flags.find((f) => f.region === region && f.year === year);
  const failing = data.flags.filter((f) => f.holds === false);
  const yearRows = data.rows.filter((r) => r.year === req.year);
  const chart = yearRows.map((r) => {
    const row: Record<string, string | number | null> = { visitType: labelOf(VISIT_TYPES, r.visitType) };
    for (const l of r.levels) row[l.level] = l.fundPaymentRatio;
    return row;
  });
  const costChart = yearRows.map((r) => {
    const row: Record<string, string | number | null> = { visitType: labelOf(VISIT_TYPES, r.visitType) };
    for (const l of r.levels) row[l.level] = l.costPerVisit;
    return row;
  });
  const detail = data.rows.map((r) => {
    const row: Record<string, string | number | null> = {
      year: r.year,
      visitType: labelOf(VISIT_TYPES, r.visitType),
      check: r.check.holds === null ? '无法判断' : r.check.holds ? '成立' : `不成立：${r.check.violations.map(violationText).join('；')}`,
    };
    for (const l of r.levels) {
      row[`r_${l.level}`] = l.fundPaymentRatio;
      row[`c_${l.level}`] = l.costPerVisit;
    }
    return row;
  });
  const detailColumns: DataTableColumn[] = [
    { key: 'year', header: '年度' },
    { key: 'visitType', header: '就诊类型' },
    ...LEVELS.map((l) => ({ key: `r_${l.code}`, header: `${fr.name}·${LEVEL_SHORT[l.code]}`, unit: 'ratio' as const })),
    ...LEVELS.map((l) => ({ key: `c_${l.code}`, header: `${cpv.name}·${LEVEL_SHORT[l.code]}`, unit: 'yuan_per_person' as const })),
    { key: 'check', header: '基层＞县级＞市级' },
  ];
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      {failing.length > 0 ? (
        <div className={styles.callout} data-tone="worse" data-testid="payment-flag">
          <strong>差异化支付未体现：{[...new Set(failing.map((f) => name(f.region)))].join('、')}</strong>
          <p>
            {failing
              .filter((f) => f.year === req.year || failing.every((x) => x.year !== req.year))
              .slice(0, 6)
              .map((f) => `${name(f.region)}${f.year}年${f.failing.map((x) => `${labelOf(VISIT_TYPES, x.visitType)}（${x.violations.map(violationText).join('；')}）`).join('、')}`)
              .join('；')}
            。同类就诊中上级机构的基金支付比例不低于下级机构，报销差距不能引导常见病留在基层（{cite('pooling-opinion', '四(三)')}）。
          </p>
        </div>
      ) : (
        <div className={styles.callout} data-tone="better">
          <strong>各县各年度差异化支付均成立</strong>
          <p>每类就诊的基金支付比例均为 基层 ＞ 县级 ＞ 市级。</p>
        </div>
      )}
      <div className="card">
        <div className="table-toolbar">
          <span className="table-caption">各县各年度差异化支付检查（按就诊类型分别比较基金支付比例：基层＞县级＞市级）</span>
        </div>
        <div className="table-scroll" tabIndex={0} role="region" aria-label="差异化支付检查">
          <table className="data-table" data-testid="payment-matrix">
            <thead>
              <tr>
                <th scope="col">地区</th>
                {data.years.map((y) => (
                  <th key={y} scope="col">
                    {y}年
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {regions.map((code) => (
                <tr key={code}>
                  <th scope="row" style={{ textAlign: 'left', whiteSpace: 'nowrap' }}>
                    {name(code)}
                  </th>
                  {data.years.map((y) => {
                    const f = flagOf(code, y);
                    if (!f || f.holds === null) return <td key={y}>—</td>;
                    return (
                      <td key={y} title={f.failing.map((x) => `${labelOf(VISIT_TYPES, x.visitType)}：${x.violations.map(violationText).join('；')}`).join('\n')}>
                        <span className={styles.flag} data-ok={f.holds ? 'true' : 'false'}>
                          {f.holds ? '✓ 成立' : `✗ ${f.failing.map((x) => labelOf(VISIT_TYPES, x.visitType)).join('、')}`}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div className="grid-2">
        <div className="card">
          <BarCompareChart
            id="pay-ratio"
            title={`${name(data.regionCode)} ${req.year}年各级机构${fr.name}（按就诊类型）`}
            data={chart}
            categoryKey="visitType"
            categoryLabel="就诊类型"
            series={LEVELS.map((l) => ({ key: l.code, label: l.name }))}
            unit="ratio"
            orientation="vertical"
            exportName={`${name(data.regionCode)}${req.year}年各级机构基金支付比例`}
            emptyReason={`${req.year}年无数据`}
          />
        </div>
        <div className="card">
          <BarCompareChart
            id="pay-cost"
            title={`${name(data.regionCode)} ${req.year}年各级机构${cpv.name}（按就诊类型）`}
            data={costChart}
            categoryKey="visitType"
            categoryLabel="就诊类型"
            series={LEVELS.map((l) => ({ key: l.code, label: l.name }))}
            unit="yuan_per_person"
            orientation="vertical"
            exportName={`${name(data.regionCode)}${req.year}年各级机构次均费用`}
            emptyReason={`${req.year}年无数据`}
          />
        </div>
      </div>
      <div className="card">
        <DataTable
          id="pay-detail"
          columns={detailColumns}
          rows={detail}
          exportName={`${name(data.regionCode)}各级机构基金支付比例与次均费用`}
          caption={`${name(data.regionCode)}各年度各级机构${fr.name}与${cpv.name}（元/人次）`}
          defaultSort="year.desc"
        />
      </div>
    </div>
  );
}
