// Rule thresholds as versioned data: the latest RiskRuleVersion of a rule is in force. An admin's change
// writes a new version with who/when and a note; nothing is overwritten, so every warning can say which
// thresholds raised it.
import 'server-only';
import type { Db } from '../db';
import { bumpDataVersion } from '../cache';
import { ScopeError, type Scope } from '../auth/scope';
import { getRule, parseParams, RULES, withDefaults } from './rules';
import type { RuleParams } from './types';

export const SYSTEM_ACTOR = '系统默认';

export interface RuleConfig {
  ruleCode: string;
  /** 0 = defaults, not stored yet */
  version: number;
  enabled: boolean;
  params: RuleParams;
  changedBy: string;
  changedAt: Date | null;
  note: string | null;
}

function parseStored(raw: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The configuration in force for every rule (defaults as version 0 where nothing is stored). */
export async function loadRuleConfigs(db: Db): Promise<Map<string, RuleConfig>> {
  const rows = await db.prisma.riskRuleVersion.findMany({ orderBy: [{ ruleCode: 'asc' }, { version: 'asc' }] });
  const out = new Map<string, RuleConfig>();
  for (const rule of RULES) {
    out.set(rule.code, { ruleCode: rule.code, version: 0, enabled: true, params: { ...rule.defaults }, changedBy: SYSTEM_ACTOR, changedAt: null, note: null });
  }
  for (const r of rows) {
    const rule = RULES.find((x) => x.code === r.ruleCode);
    if (!rule) continue;
    out.set(r.ruleCode, {
      ruleCode: r.ruleCode, version: r.version, enabled: r.enabled, params: withDefaults(rule, parseStored(r.params)),
      changedBy: r.changedBy, changedAt: r.changedAt, note: r.note,
    });
  }
  return out;
}

/** Stores the defaults as version 1 of every rule that has no version yet (so warnings can cite a stored version). */
export async function ensureRuleConfigs(db: Db): Promise<Map<string, RuleConfig>> {
  const configs = await loadRuleConfigs(db);
  const missing = [...configs.values()].filter((c) => c.version === 0);
  if (missing.length > 0) {
    await db.prisma.riskRuleVersion.createMany({
      data: missing.map((c) => ({ ruleCode: c.ruleCode, version: 1, enabled: true, params: JSON.stringify(c.params), changedBy: SYSTEM_ACTOR, note: '平台默认阈值' })),
    }).catch(async (err) => {
      // Another process stored them at the same moment (unique ruleCode+version): theirs are the same defaults.
      if (!/Unique constraint|unique/i.test(String(err))) throw err;
    });
    return loadRuleConfigs(db);
  }
  return configs;
}

export interface RuleChange {
  ruleCode: string;
  params: unknown;
  enabled: boolean;
  note: string;
}

export type SaveResult =
  | { ok: true; version: number; changed: boolean }
  | { ok: false; errors: string[] };

/**
 * Saves a rule's thresholds as a new version. Only the city (管理员 / 市医保局) configures rules: county
 * users are refused. Unchanged parameters write nothing.
 */
export async function saveRuleConfig(db: Db, scope: Scope, actor: string, change: RuleChange): Promise<SaveResult> {
  if (scope.kind !== 'city') throw new ScopeError('只有市医保局（管理员）可以调整预警规则阈值');
  let rule;
  try {
    rule = getRule(change.ruleCode);
  } catch {
    return { ok: false, errors: [`未知预警规则：${change.ruleCode}`] };
  }
  const parsed = parseParams(rule, change.params);
  if (!parsed.ok) return parsed;
  const note = change.note.trim();
  if (note.length < 2) return { ok: false, errors: ['请填写调整说明（至少2个字）'] };
  const current = (await ensureRuleConfigs(db)).get(rule.code)!;
  const same = current.enabled === change.enabled && rule.params.every((s) => current.params[s.key] === parsed.params[s.key]);
  if (same) return { ok: true, version: current.version, changed: false };
  for (let attempt = 0; attempt < 3; attempt++) {
    const last = await db.prisma.riskRuleVersion.aggregate({ where: { ruleCode: rule.code }, _max: { version: true } });
    const version = (last._max.version ?? 0) + 1;
    try {
      await db.prisma.riskRuleVersion.create({
        data: { ruleCode: rule.code, version, enabled: change.enabled, params: JSON.stringify(parsed.params), changedBy: actor, note },
      });
      await bumpDataVersion(db, 'rule-change');
      return { ok: true, version, changed: true };
    } catch (err) {
      if (!/Unique constraint|unique/i.test(String(err))) throw err;
    }
  }
  return { ok: false, errors: ['规则正被他人同时修改，请刷新后重试'] };
}
