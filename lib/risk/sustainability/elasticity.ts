// Enrolment elasticity of the resident individual contribution, estimated from the product's own history.
// 医保函〔2023〕73号 and 益阳市医疗保障局's reply (citing 益医保发〔2020〕6号) both note that raising the
// individual contribution makes part of the population stop enrolling (选择性参保), so a rise brings in
// less than its face value. The estimate: across counties and years,
//   Δln(参保率_c,y) = α + ε · Δln(个人缴费标准_c,y) + u_c,y
// (coverage = enrolled ÷ should-enrol, so population change drops out; α absorbs a common drift),
// over the most recent `years` year-on-year changes (default 5: the response to recent rises is what a
// rise now will meet; earlier rises from a low base met little resistance), weighted by enrolment, with a cluster-robust (CR1, by county) standard error and a Student-t interval
// on G − 1 degrees of freedom (few clusters: Cameron, Gelbach & Miller 2008).
import { clusterRobust, makeEstimate, ols, type Estimate } from '../../analysis';

export interface EnrolmentObservation {
  regionCode: string;
  year: number;
  /** enrolled (参保人数), 人 */
  enrolled: number;
  /** should enrol (应参保人数), 人 */
  shouldEnroll: number;
  /** individual contribution standard that year, 元/人·年 */
  contribution: number;
}

export interface ElasticityEstimate extends Estimate {
  /** confidence level of ciLow..ciHigh */
  level: number;
  /** the changes used end in these years */
  fromYear: number;
  toYear: number;
  /** county-years used (consecutive years with both figures) */
  n: number;
  /** counties */
  clusters: number;
  /** county-years where the contribution rose and coverage fell */
  roseAndFell: number;
}

/**
 * Estimates ε = d ln(coverage) / d ln(contribution) (negative when enrolment falls as contributions rise).
 * Throws when fewer than 2 counties or fewer than 3 usable county-years, or when the contribution never
 * changed (nothing to learn from).
 */
export function estimateEnrolmentElasticity(rows: readonly EnrolmentObservation[], level = 0.95, years = 5): ElasticityEstimate {
  const lastYear = Math.max(...rows.map((r) => r.year));
  const byRegion = new Map<string, EnrolmentObservation[]>();
  for (const r of rows) {
    if (!(r.enrolled > 0 && r.shouldEnroll > 0 && r.contribution > 0)) continue;
    const list = byRegion.get(r.regionCode) ?? [];
    list.push(r);
    byRegion.set(r.regionCode, list);
  }
  const X: number[][] = [];
  const y: number[] = [];
  const w: number[] = [];
  const cl: string[] = [];
  let roseAndFell = 0;
  for (const [code, list] of byRegion) {
    list.sort((a, b) => a.year - b.year);
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1], b = list[i];
      if (b.year !== a.year + 1 || b.year <= lastYear - years) continue;
      const dp = Math.log(b.contribution / a.contribution);
      const dc = Math.log(b.enrolled / b.shouldEnroll) - Math.log(a.enrolled / a.shouldEnroll);
      X.push([1, dp]);
      y.push(dc);
      w.push(Math.sqrt(b.enrolled));
      cl.push(code);
      if (dp > 0 && dc < 0) roseAndFell++;
    }
  }
  const clusters = new Set(cl).size;
  if (clusters < 2 || y.length < 3) throw new Error(`参保弹性估计需要至少2个县、3个县年观测（实有${clusters}个县、${y.length}个）`);
  if (X.every((r) => Math.abs(r[1] - X[0][1]) < 1e-12)) throw new Error('参保弹性估计：个人缴费标准各年变化相同，无法识别弹性');
  // WLS by √weight on both sides
  const Xw = X.map((r, i) => r.map((v) => v * w[i]));
  const yw = y.map((v, i) => v * w[i]);
  const fit = ols(Xw, yw, { names: ['截距', '缴费标准对数变化'] });
  const { covariance } = clusterRobust(Xw, fit.residuals, cl, { xtxInv: fit.xtxInv, rows: [1] });
  const est = makeEstimate(fit.coefficients[1], Math.sqrt(covariance[0][0]), level, { kind: 't', df: clusters - 1 });
  return { ...est, level, n: y.length, clusters, roseAndFell, fromYear: lastYear - years + 1, toYear: lastYear };
}
