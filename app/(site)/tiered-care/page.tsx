import { Suspense } from 'react';
import type { Metadata } from 'next';
import FilterBar from '../ui/FilterBar';
import ChooseCity from '../ui/ChooseCity';
import { ChartSkeleton, KpiGridSkeleton, TableSkeleton } from '../ui/Skeleton';
import EmptyState from '../ui/EmptyState';
import SourceNote from '../ui/SourceNote';
import ShareKpis from './_widgets/ShareKpis';
import LevelTrendCharts from './_widgets/LevelTrendCharts';
import CountyShares from './_widgets/CountyShares';
import PoolingIts from './_widgets/PoolingIts';
import PoolingDid from './_widgets/PoolingDid';
import PatientFlows from './_widgets/PatientFlows';
import DifferentiatedPayment from './_widgets/DifferentiatedPayment';
import ReferralsSigning from './_widgets/ReferralsSigning';
import OptionLinks from './_widgets/OptionLinks';
import { tableSortParams } from '@/lib/queries/filters';
import { requireViewer } from '@/lib/auth/viewer';
import { parseTieredCareParams } from '@/lib/queries/tieredCare/request';
import { cachedPoolingMonths } from '@/lib/queries/tieredCare/inputs';
import { indicators } from '@/lib/indicators/registry';
import { POOLING_OUTCOMES } from '@/lib/tieredCare/poolingEffect';
import styles from './tieredCare.module.css';
import { requestContext } from '@/lib/queries/context';
import { cite } from '@/lib/indicators/sources';

export const metadata: Metadata = { title: '分级诊疗' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-h`} id={id} className={styles.section}>
      <h2 id={`${id}-h`} className="section-title">
        {title}
      </h2>
      {intro && <p className={styles.intro}>{intro}</p>}
      {children}
    </section>
  );
}

export default async function TieredCarePage({ searchParams }: { searchParams: SearchParams }) {
  await requireViewer();
  const rc = await requestContext(searchParams);
  if (!rc) return <EmptyState title="尚未装载数据" reason="请在“管理”中导入数据，或以空库启动以装载演示数据。" />;
  if (rc.info.level === 'province') return <><header className="page-header"><h1>分级诊疗</h1></header><FilterBar year={rc.filters.year} scheme={rc.filters.scheme} region="ALL" years={rc.info.years} regions={[]} extraHidden={rc.sorts} {...rc.cityChoice} /><ChooseCity info={rc.info} path="/tiered-care" page="分级诊疗" query={{ year: String(rc.filters.year), scheme: rc.filters.scheme }} /></>;
  const { info, filters: f, scope, key, regionLabel: regionName, schemeLabel: schemeName, params } = rc;
  const { outcome, flow } = parseTieredCareParams(params);
  const req = { year: f.year, scheme: f.scheme, region: f.region };
  const pooling = await cachedPoolingMonths(f.scheme, info.cityCode);
  const regionPooling = pooling.get(f.region === 'ALL' ? info.cityCode : f.region) ?? null;
  const extra: Record<string, string> = { outcome, flow, ...tableSortParams(params), ...rc.keep };
  return (
    <>
      <header className="page-header">
        <h1>分级诊疗</h1>
        <p className="page-sub">
          {regionName} · {schemeName} · {f.year}年
        </p>
      </header>
      <FilterBar year={f.year} scheme={f.scheme} region={f.region} years={info.years} regions={rc.regions} extraHidden={extra} {...rc.cityChoice} />

      <Section id="kpi" title="主要指标" intro={`所选年度（截至最新月份）对照目标值；市级统筹不得冲击分级诊疗（${cite('pooling-opinion', '四(三)')}）。`}>
        <Suspense key={key} fallback={<KpiGridSkeleton count={4} />}>
          <ShareKpis scope={scope} cityCode={info.cityCode} req={req} />
        </Suspense>
      </Section>

      <Section id="levels" title="各级机构就诊构成" intro="按月统计参保人在基层、县级、市级和市外机构的就诊；竖线为市级统筹启动月份。">
        <Suspense key={key} fallback={<div className="grid-2"><ChartSkeleton /><ChartSkeleton /></div>}>
          <LevelTrendCharts scope={scope} info={info} req={req} />
        </Suspense>
      </Section>

      <Section id="counties" title="各县对比">
        <Suspense key={key} fallback={<TableSkeleton rows={9} columns={8} />}>
          <CountyShares scope={scope} info={info} req={req} />
        </Suspense>
      </Section>

      <Section id="effect" title="统筹效应" intro="统筹前后比较：中断时间序列（各县与全市）和双重差分（各县统筹月份不同）。显示估计值及其95%置信区间。">
        <OptionLinks
          label="分析指标"
          param="outcome"
          value={outcome}
          options={POOLING_OUTCOMES.map((o) => ({ value: o, label: indicators[o].name }))}
          params={params}
          anchor="effect"
        />
        <Suspense key={`${key}-${outcome}-its`} fallback={<div className="grid-2"><ChartSkeleton /><ChartSkeleton /></div>}>
          <PoolingIts scope={scope} info={info} req={req} outcome={outcome} />
        </Suspense>
        <h3 className="section-title" style={{ fontSize: '1rem', marginTop: 20 }}>
          双重差分与事件研究
        </h3>
        <Suspense key={`${key}-${outcome}-did`} fallback={<div className="grid-2"><ChartSkeleton /><TableSkeleton rows={6} columns={2} /></div>}>
          <PoolingDid scope={scope} info={info} req={req} outcome={outcome} />
        </Suspense>
      </Section>

      <Section id="flows" title="患者流向" intro="参保人在哪里就医：本县基层、本县县级医院、外县、市级医院、市外，统筹前后对比。">
        <OptionLinks
          label="统计口径"
          param="flow"
          value={flow}
          options={[
            { value: 'ALL', label: '全部就诊' },
            { value: 'INPATIENT', label: '住院' },
          ]}
          params={params}
          anchor="flows"
        />
        <Suspense key={`${key}-${flow}`} fallback={<div className="grid-2"><ChartSkeleton /><ChartSkeleton /></div>}>
          <PatientFlows scope={scope} info={info} req={req} flow={flow} />
        </Suspense>
      </Section>

      <Section id="payment" title="差异化支付" intro="同类就诊的基金支付比例应为 基层 ＞ 县级 ＞ 市级；不成立的县和年度标红。">
        <Suspense key={key} fallback={<TableSkeleton rows={9} columns={9} />}>
          <DifferentiatedPayment scope={scope} info={info} req={req} />
        </Suspense>
      </Section>

      <Section id="referrals" title="转诊与家庭医生签约">
        <Suspense key={key} fallback={<div className="grid-2"><ChartSkeleton /><ChartSkeleton /></div>}>
          <ReferralsSigning scope={scope} info={info} req={req} pooling={regionPooling} />
        </Suspense>
      </Section>

      <SourceNote
        text={`${info.isDemo ? '演示数据（虚构城市，由平台的演示数据生成器生成）' : '医保信息平台导入数据'}；就诊结算汇总表（UtilizationRollup、UtilizationFlowRollup），家庭医生签约表；指标口径见各指标“口径”说明`}
        asOf={info.lastPeriod}
      />
    </>
  );
}
