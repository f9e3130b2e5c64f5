// Does a SQL statement fit the distributed (Citus) layout of prisma/SCALE-OUT.md? Fact tables are
// hash-distributed by their region column and co-located; this module reads a statement with the real
// PostgreSQL parser (libpg-query) and reports what would not stay a single-shard or co-located query:
//
// - a distributed table read, updated or deleted with neither an equality/IN predicate on its region column
//   nor a GROUP BY on it ('no-region-key': a multi-shard statement; often fine — Citus pushes aggregates down
//   to every shard — but each one is listed with its reason by the caller);
// - two distributed tables in one FROM without equality of their region columns ('join-without-region':
//   Citus would have to repartition or refuse; never acceptable for the product);
// - INSERT … SELECT into a distributed table whose region column is not fed by the source's region column
//   ('insert-select-not-colocated': Citus cannot push it down and repartitions the rows through the
//   coordinator).
import { loadModule, parseSync } from 'libpg-query';

/** table name → its distribution column, e.g. { UtilizationFact: 'insuredRegionCode' } */
export type DistributionMap = Readonly<Record<string, string>>;

export type FindingKind = 'no-region-key' | 'join-without-region' | 'insert-select-not-colocated';
export interface Finding { kind: FindingKind; table: string; detail: string }

/** Loads the parser's WebAssembly once; call before `checkStatement`. */
export async function loadSqlParser(): Promise<void> { await loadModule(); }

// The parser's JSON tree: each node is { NodeType: {...fields} }.
type Node = Record<string, unknown>;
const isObj = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const child = (n: unknown, type: string): Node | undefined => (isObj(n) && isObj(n[type]) ? (n[type] as Node) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (n: unknown): string | undefined => child(n, 'String')?.sval as string | undefined;

interface Rel { alias: string; table: string }

/** Every { type: {...} } node below `n` (depth first), including `n`. */
function* walk(n: unknown): Generator<[string, Node]> {
  if (Array.isArray(n)) { for (const x of n) yield* walk(x); return; }
  if (!isObj(n)) return;
  for (const [k, v] of Object.entries(n)) {
    if (/^[A-Z]/.test(k) && isObj(v)) yield [k, v];
    // the branches of a UNION/INTERSECT/EXCEPT are bare SelectStmt bodies
    else if ((k === 'larg' || k === 'rarg') && isObj(v) && 'op' in v) yield ['SelectStmt', v];
    yield* walk(v);
  }
}

/** The relations a FROM clause names directly (through joins, not into subqueries), and its join conditions. */
function fromItems(from: unknown[]): { rels: Rel[]; quals: unknown[] } {
  const rels: Rel[] = []; const quals: unknown[] = [];
  const visit = (item: unknown) => {
    const rv = child(item, 'RangeVar');
    if (rv) { const table = rv.relname as string; rels.push({ table, alias: ((rv.alias as Node | undefined)?.aliasname as string | undefined) ?? table }); return; }
    const j = child(item, 'JoinExpr');
    if (j) { visit(j.larg); visit(j.rarg); if (j.quals) quals.push(j.quals); }
  };
  for (const f of from) visit(f);
  return { rels, quals };
}

/** AND-ed conditions of an expression, flattened. */
function conjuncts(e: unknown): unknown[] {
  const b = child(e, 'BoolExpr');
  if (b && b.boolop === 'AND_EXPR') return list(b.args).flatMap(conjuncts);
  return e ? [e] : [];
}

/** The relation alias a column reference belongs to, or null when it cannot be told. */
function columnOf(e: unknown, rels: Rel[]): { alias: string; column: string } | null {
  let x = e;
  for (let c = child(x, 'TypeCast'); c; c = child(x, 'TypeCast')) x = c.arg;
  const ref = child(x, 'ColumnRef');
  if (!ref) return null;
  const parts = list(ref.fields).map(str);
  if (parts.some((p) => p === undefined)) return null;
  const column = parts[parts.length - 1]!;
  if (parts.length === 1) return rels.length === 1 ? { alias: rels[0].alias, column } : null;
  const qualifier = parts[parts.length - 2]!;
  return rels.some((r) => r.alias === qualifier) ? { alias: qualifier, column } : null;
}

/** A literal, a bind parameter, or a list/array of them (what pins a column to known values). */
function isValue(e: unknown): boolean {
  if (Array.isArray(e)) return e.length > 0 && e.every(isValue);
  const c = child(e, 'TypeCast'); if (c) return isValue(c.arg);
  if (child(e, 'A_Const') || child(e, 'ParamRef')) return true;
  const a = child(e, 'A_ArrayExpr'); if (a) return list(a.elements).every(isValue);
  const l = child(e, 'List'); if (l) return isValue(l.items);
  return false;
}

const opName = (a: Node) => list(a.name).map(str).join('');

interface Scope { rels: Rel[]; conds: unknown[]; groupBy: unknown[] }

function checkScope(s: Scope, dist: DistributionMap, what: string): Finding[] {
  const findings: Finding[] = [];
  const distributed = s.rels.filter((r) => dist[r.table]);
  const pinned = new Set<string>();
  // Union-find over aliases joined by equality of their region columns.
  const parent = new Map(distributed.map((r) => [r.alias, r.alias]));
  const root = (a: string): string => { const p = parent.get(a)!; return p === a ? a : root(p); };
  const isRegion = (c: { alias: string; column: string } | null) => {
    const r = c && distributed.find((d) => d.alias === c.alias);
    return !!r && dist[r.table] === c!.column;
  };
  for (const cond of s.conds) {
    const a = child(cond, 'A_Expr');
    if (!a || opName(a) !== '=') continue;
    const l = columnOf(a.lexpr, s.rels), r = columnOf(a.rexpr, s.rels);
    if (a.kind === 'AEXPR_OP' && isRegion(l) && isRegion(r)) { parent.set(root(l!.alias), root(r!.alias)); continue; }
    if (!['AEXPR_OP', 'AEXPR_IN', 'AEXPR_OP_ANY'].includes(a.kind as string)) continue;
    if (isRegion(l) && isValue(a.rexpr)) pinned.add(l!.alias);
    else if (a.kind === 'AEXPR_OP' && isRegion(r) && isValue(a.lexpr)) pinned.add(r!.alias);
  }
  const grouped = new Set(s.groupBy.map((g) => columnOf(g, s.rels)).filter(isRegion).map((c) => c!.alias));
  // Region equality carries a pin or a grouping to the joined table (Citus infers it the same way).
  const keyedRoots = new Set([...pinned, ...grouped].map(root));
  for (const d of distributed) {
    if (!keyedRoots.has(root(d.alias))) {
      findings.push({ kind: 'no-region-key', table: d.table, detail: `${what} "${d.table}" without a predicate or GROUP BY on "${dist[d.table]}"` });
    }
  }
  for (const d of distributed.slice(1)) {
    if (root(d.alias) !== root(distributed[0].alias)) {
      findings.push({ kind: 'join-without-region', table: d.table, detail: `"${distributed[0].table}" joined with "${d.table}" without equality of their region columns` });
    }
  }
  return findings;
}

/**
 * Checks one SQL statement (PostgreSQL syntax; several statements separated by `;` are checked one by
 * one) against the distribution map. Statements that touch no distributed table, and statements that are
 * not SELECT/INSERT/UPDATE/DELETE (BEGIN, SET, DDL, COPY — COPY rows are routed one by one), give no
 * findings. Throws the parser's error for SQL it cannot parse. `loadSqlParser()` must have resolved.
 */
export function checkStatement(sql: string, dist: DistributionMap): Finding[] {
  const findings: Finding[] = [];
  for (const { stmt } of parseSync(sql).stmts ?? []) {
    for (const [type, n] of walk(stmt)) {
      if (type === 'SelectStmt' && (n.op ?? 'SETOP_NONE') === 'SETOP_NONE' && !n.valuesLists) {
        const { rels, quals } = fromItems(list(n.fromClause));
        findings.push(...checkScope({ rels, conds: [...conjuncts(n.whereClause), ...quals.flatMap(conjuncts)], groupBy: list(n.groupClause) }, dist, 'reads'));
      } else if (type === 'DeleteStmt' || type === 'UpdateStmt') {
        const target = fromItems([{ RangeVar: n.relation }]).rels;
        const extra = fromItems(list(type === 'DeleteStmt' ? n.usingClause : n.fromClause));
        findings.push(...checkScope({ rels: [...target, ...extra.rels], conds: [...conjuncts(n.whereClause), ...extra.quals.flatMap(conjuncts)], groupBy: [] }, dist, type === 'DeleteStmt' ? 'deletes from' : 'updates'));
      } else if (type === 'InsertStmt') {
        findings.push(...checkInsertSelect(n, dist));
      }
    }
  }
  return findings;
}

/** INSERT INTO distributed … SELECT … FROM distributed: the target's region column must come from a source's. */
function checkInsertSelect(n: Node, dist: DistributionMap): Finding[] {
  const target = (n.relation as Node).relname as string;
  const sel = child(n.selectStmt, 'SelectStmt');
  if (!dist[target] || !sel || sel.valuesLists) return [];
  const { rels } = fromItems(list(sel.fromClause));
  const sources = rels.filter((r) => dist[r.table]);
  if (sources.length === 0) return []; // rows from a staging or temporary table: routed row by row
  const cols = list(n.cols).map((c) => child(c, 'ResTarget')?.name as string);
  const at = cols.indexOf(dist[target]);
  const fed = at >= 0 ? columnOf(child(list(sel.targetList)[at], 'ResTarget')?.val, rels) : null;
  const ok = !!fed && sources.some((s) => s.alias === fed.alias && dist[s.table] === fed.column);
  return ok ? [] : [{ kind: 'insert-select-not-colocated', table: target, detail: `INSERT INTO "${target}" … SELECT: "${dist[target]}" is not a source table's region column` }];
}
