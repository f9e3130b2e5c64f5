import 'server-only';
import { cachedByDataVersion } from '../../cache';
// The rule definitions with the thresholds in force and every stored version (who changed what, when).
import { getDb, type Db } from '../../db';
import { getIndicator } from '../../indicators/registry';
import { loadRuleConfigs } from '../../risk/config';
import { RULES, withDefaults } from '../../risk/rules';
import type { ParamSpec, Severity } from '../../risk/types';
import { parseJson } from './warningViews';

export interface RuleDefinitionView {
  code: string;
  name: string;
  watches: string;
  level: 'fund' | 'county' | 'institution';
  policyRef: string | null;
  note: string | null;
  autoClose: boolean;
  indicators: { code: string; name: string; formula: string }[];
  params: ParamSpec[];
  current: { version: number; enabled: boolean; values: Record<string, number>; changedBy: string; changedAt: string | null; note: string | null };
  defaults: Record<string, number>;
  bands: { severity: Severity; text: string }[];
  history: { version: number; enabled: boolean; values: Record<string, number>; changedBy: string; changedAt: string; note: string | null }[];
}

export async function loadRuleDefinitions(db: Db): Promise<RuleDefinitionView[]> {
  const [configs, versions] = await Promise.all([
    loadRuleConfigs(db),
    db.prisma.riskRuleVersion.findMany({ orderBy: [{ ruleCode: 'asc' }, { version: 'desc' }] }),
  ]);
  return RULES.map((rule) => {
    const cfg = configs.get(rule.code)!;
    return {
      code: rule.code,
      name: rule.name,
      watches: rule.watches,
      level: rule.level,
      policyRef: rule.policyRef ?? null,
      note: rule.note ?? null,
      autoClose: rule.autoClose,
      indicators: rule.indicators.map((c) => {
        const d = getIndicator(c);
        return { code: d.code, name: d.name, formula: d.formula };
      }),
      params: rule.params,
      current: { version: cfg.version, enabled: cfg.enabled, values: { ...cfg.params }, changedBy: cfg.changedBy, changedAt: cfg.changedAt?.toISOString() ?? null, note: cfg.note },
      defaults: { ...rule.defaults },
      bands: rule.bands(cfg.params),
      history: versions.filter((v) => v.ruleCode === rule.code).map((v) => ({
        version: v.version, enabled: v.enabled, values: { ...withDefaults(rule, parseJson<Record<string, unknown> | null>(v.params, null)) },
        changedBy: v.changedBy, changedAt: v.changedAt.toISOString(), note: v.note,
      })),
    };
  });
}

async function getRuleDefinitionsUncached(): Promise<RuleDefinitionView[]> {
  return loadRuleDefinitions(getDb());
}

/** Kept between requests until the data changes (lib/cache). */
export const getRuleDefinitions = cachedByDataVersion('risk/getRuleDefinitions', getRuleDefinitionsUncached);
