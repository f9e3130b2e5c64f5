/**
 * The policy documents the indicators, targets and risk rules rest on, by their real names and document
 * numbers, and `cite()` to quote one of them at a clause. Indicator definitions (`policyRef`) and risk
 * rules build their citations from this registry, so every page names the document and clause, never an
 * internal note.
 */

export interface PolicySource {
  /** Full title as issued (without 《》). */
  title: string;
  /** 文号, e.g. '医保函〔2023〕73号', when the document has one. */
  docNo?: string;
  issuer: string;
  /** Documents it cites that a reader may look for, e.g. a local implementing notice. */
  cites?: string[];
  /** A draft or reply rather than a binding regulation. */
  status?: string;
}

export const POLICY_SOURCES = {
  /** National reply on raising the pooling level (2019). */
  'nhsa-2019-74': {
    title: '国家医疗保障局对十三届全国人大二次会议第6348号建议的答复',
    docNo: '医保函〔2019〕74号',
    issuer: '国家医疗保障局',
  },
  /** The provincial opinion on city-level pooling of basic medical and maternity insurance (draft). */
  'pooling-opinion': {
    title: '关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）',
    issuer: '省医疗保障局',
    status: '征求意见稿',
  },
  /** National reply on resident contributions, subsidies and duplicate enrolment (2023). */
  'nhsa-2023-73': {
    title: '国家医疗保障局对第十四届全国人大一次会议第4252号建议的答复',
    docNo: '医保函〔2023〕73号',
    issuer: '国家医疗保障局',
  },
  /** National reply on employee benefits and hardship assistance (2020). */
  'nhsa-2020-135': {
    title: '国家医疗保障局对十三届全国人大三次会议第2152号建议的答复',
    docNo: '医保函〔2020〕135号',
    issuer: '国家医疗保障局',
  },
  /** Yiyang city's reply on resident insurance (contribution standards in Hunan, subsidy ratio). */
  'yiyang-reply': {
    title: '益阳市医疗保障局对市人大代表《关于进一步完善城乡居民医疗保险的建议》的答复',
    issuer: '益阳市医疗保障局',
    cites: ['益医保发〔2020〕6号'],
  },
  /** Months of reserve: 6–9 months reasonable. */
  'mohrss-2009-67': {
    title: '关于进一步加强基本医疗保险基金管理的指导意见',
    docNo: '人社部发〔2009〕67号',
    issuer: '人力资源社会保障部、财政部',
  },
  /** Tiered-care pilot assessment targets (annex: 分级诊疗试点工作考核评价标准). */
  'gbf-2015-70': {
    title: '国务院办公厅关于推进分级诊疗制度建设的指导意见',
    docNo: '国办发〔2015〕70号',
    issuer: '国务院办公厅',
  },
  /** Family-doctor contract services. */
  'ygb-2016-1': {
    title: '关于推进家庭医生签约服务的指导意见',
    docNo: '国医改办发〔2016〕1号',
    issuer: '国务院医改办等',
  },
} as const satisfies Record<string, PolicySource>;

export type PolicySourceId = keyof typeof POLICY_SOURCES;

/** '《title》（docNo）' — how a source is named on a page. */
export function sourceName(id: PolicySourceId): string {
  const s: PolicySource = POLICY_SOURCES[id];
  return `《${s.title}》${s.docNo ? `（${s.docNo}）` : ''}`;
}

/** The short name for tight spaces: the 文号 when there is one, else the title. */
export function sourceShortName(id: PolicySourceId): string {
  const s: PolicySource = POLICY_SOURCES[id];
  return s.docNo ?? `《${s.title}》`;
}

/**
 * A citation as shown on pages: 「《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》三（三）：以收定支」.
 * `clause` is written with full-width brackets ('三（三）'); ASCII brackets are converted.
 * @throws Error for an unknown source id (a typo must not reach a page as 'undefined').
 */
export function cite(id: PolicySourceId, clause?: string, quote?: string): string {
  if (!(id in POLICY_SOURCES)) throw new Error(`unknown policy source: ${id}`);
  const c = clause ? clause.replace(/\(/g, '（').replace(/\)/g, '）') : '';
  return `${sourceName(id)}${c}${quote ? `：${quote}` : ''}`;
}

/** A method of this platform (not a policy document), e.g. how a deviation is computed. */
export function platformMethod(text: string): string {
  return `本平台口径：${text}`;
}
