// The 分级诊疗 page's own URL parameters, beside the shared year/scheme/region (lib/queries/filters.ts):
// which share the pooling-effect section analyses, and which visits the patient-flow section counts.
// Bad values fall back to the defaults, like the shared filters.
import { z } from 'zod';
import { POOLING_OUTCOMES, type PoolingOutcome } from '../../tieredCare/poolingEffect';
import type { FlowType } from './getPatientFlows';

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const schema = z.object({
  outcome: z.enum(POOLING_OUTCOMES).catch('primary_visit_share'),
  flow: z.enum(['ALL', 'INPATIENT']).catch('ALL'),
});

export interface TieredCareParams {
  outcome: PoolingOutcome;
  flow: FlowType;
}

export function parseTieredCareParams(params: Params): TieredCareParams {
  return schema.parse({ outcome: first(params.outcome) ?? 'primary_visit_share', flow: first(params.flow) ?? 'ALL' });
}
