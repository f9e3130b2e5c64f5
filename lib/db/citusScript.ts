// Reads the Citus DDL (prisma/citus/*.sql) and the PostgreSQL migrations (prisma/postgres/migrations) with
// the real PostgreSQL parser, so tests can hold the distributed layout against the schema: which table is
// distributed by which column, which is a reference table, which stays on the coordinator, and what the
// keys and foreign keys look like once the script's key changes are applied.
import fs from 'node:fs';
import path from 'node:path';
import { parseSync } from 'libpg-query';
import type { DistributionMap } from './distribution';

export const CITUS_DIR = path.resolve(__dirname, '../../prisma/citus');
export const PG_MIGRATIONS_DIR = path.resolve(__dirname, '../../prisma/postgres/migrations');

type Node = Record<string, unknown>;
const isObj = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const child = (n: unknown, type: string): Node | undefined => (isObj(n) && isObj(n[type]) ? (n[type] as Node) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const sval = (n: unknown): string | undefined => (child(n, 'String')?.sval as string | undefined) ?? (child(child(n, 'A_Const'), 'sval')?.sval as string | undefined);
/** '"EnrollmentFact"' → 'EnrollmentFact' (Citus takes the table as a regclass literal). */
const unquote = (s: string) => s.replace(/^"(.*)"$/, '$1');

export interface CitusLayout {
  /** table → distribution column and the table it is co-located with ('none' starts a group) */
  distributed: Map<string, { column: string; colocateWith: string }>;
  reference: Set<string>;
  /** coordinator-local tables (citus_add_local_table_to_metadata) */
  local: Set<string>;
  /** every table the script names, in order (a table named twice appears twice) */
  named: string[];
  /** ALTER TABLE … DROP CONSTRAINT / ADD PRIMARY KEY|UNIQUE of the script, per table */
  keyChanges: Map<string, { drop: string[]; add: { name: string | undefined; kind: 'PRIMARY' | 'UNIQUE'; columns: string[] }[] }>;
}

/**
 * The layout a Citus DDL script declares. Reads `SELECT create_distributed_table(…)`,
 * `create_reference_table(…)`, `citus_add_local_table_to_metadata(…)` and `ALTER TABLE` key changes;
 * other statements are ignored. Throws on SQL the parser rejects. Needs `loadSqlParser()` first.
 */
export function readCitusScript(sql: string): CitusLayout {
  const out: CitusLayout = { distributed: new Map(), reference: new Set(), local: new Set(), named: [], keyChanges: new Map() };
  for (const { stmt } of parseSync(sql).stmts ?? []) {
    const alter = child(stmt, 'AlterTableStmt');
    if (alter) {
      const table = (alter.relation as Node).relname as string;
      const kc = out.keyChanges.get(table) ?? { drop: [], add: [] };
      for (const c of list(alter.cmds).map((x) => child(x, 'AlterTableCmd')!)) {
        if (c.subtype === 'AT_DropConstraint') kc.drop.push(c.name as string);
        const con = child(c.def, 'Constraint');
        if (c.subtype === 'AT_AddConstraint' && con && (con.contype === 'CONSTR_PRIMARY' || con.contype === 'CONSTR_UNIQUE')) {
          kc.add.push({ name: con.conname as string | undefined, kind: con.contype === 'CONSTR_PRIMARY' ? 'PRIMARY' : 'UNIQUE', columns: list(con.keys).map((k) => sval(k)!) });
        }
      }
      out.keyChanges.set(table, kc);
      continue;
    }
    for (const t of list(child(stmt, 'SelectStmt')?.targetList)) {
      const call = child(child(t, 'ResTarget')?.val, 'FuncCall');
      if (!call) continue;
      const fn = list(call.funcname).map(sval).join('.');
      const args = list(call.args);
      const positional = args.filter((a) => !child(a, 'NamedArgExpr')).map((a) => sval(a));
      const named = Object.fromEntries(args.map((a) => child(a, 'NamedArgExpr')).filter(Boolean).map((n) => [n!.name as string, sval(n!.arg)]));
      const table = positional[0] && unquote(positional[0]);
      if (!table) continue;
      if (fn === 'create_distributed_table') out.distributed.set(table, { column: positional[1]!, colocateWith: unquote(named.colocate_with ?? positional[3] ?? 'default') });
      else if (fn === 'create_reference_table') out.reference.add(table);
      else if (fn === 'citus_add_local_table_to_metadata') out.local.add(table);
      else continue;
      out.named.push(table);
    }
  }
  return out;
}

/** The layout of every prisma/citus/*.sql script, applied in file-name order. */
export function readCitusScripts(dir = CITUS_DIR): CitusLayout {
  const sql = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
  return readCitusScript(sql);
}

/** table → distribution column, for the co-location checker (lib/db/distribution.ts). */
export function distributionMap(layout: CitusLayout): DistributionMap {
  return Object.fromEntries([...layout.distributed].map(([t, d]) => [t, d.column]));
}

export interface TableShape {
  columns: string[];
  /** primary key and unique indexes: constraint or index name → columns */
  keys: Map<string, string[]>;
  /** foreign keys: referenced table and the referencing columns */
  foreignKeys: { table: string; columns: string[] }[];
}

/**
 * The tables the PostgreSQL migrations create (CREATE TABLE, CREATE UNIQUE INDEX, ALTER TABLE ADD COLUMN /
 * ADD CONSTRAINT, DROP TABLE/INDEX), replayed in order. Prisma's own `_prisma_migrations` is not among them.
 */
export function readMigratedTables(dir = PG_MIGRATIONS_DIR): Map<string, TableShape> {
  const tables = new Map<string, TableShape>();
  const files = fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, 'migration.sql'))).sort();
  for (const f of files) {
    for (const { stmt } of parseSync(fs.readFileSync(path.join(dir, f, 'migration.sql'), 'utf8')).stmts ?? []) {
      const create = child(stmt, 'CreateStmt');
      if (create) {
        const t: TableShape = { columns: [], keys: new Map(), foreignKeys: [] };
        for (const e of list(create.tableElts)) {
          const col = child(e, 'ColumnDef'); if (col) t.columns.push(col.colname as string);
          const con = child(e, 'Constraint'); if (con) addConstraint(t, con);
        }
        tables.set((create.relation as Node).relname as string, t);
      }
      const idx = child(stmt, 'IndexStmt');
      if (idx?.unique) tables.get((idx.relation as Node).relname as string)!.keys.set(idx.idxname as string, list(idx.indexParams).map((p) => child(p, 'IndexElem')!.name as string));
      const alter = child(stmt, 'AlterTableStmt');
      if (alter) {
        const t = tables.get((alter.relation as Node).relname as string)!;
        for (const c of list(alter.cmds).map((x) => child(x, 'AlterTableCmd')!)) {
          if (c.subtype === 'AT_AddColumn') t.columns.push(child(c.def, 'ColumnDef')!.colname as string);
          if (c.subtype === 'AT_DropColumn') t.columns = t.columns.filter((x) => x !== c.name);
          if (c.subtype === 'AT_AddConstraint') addConstraint(t, child(c.def, 'Constraint')!);
          if (c.subtype === 'AT_DropConstraint') t.keys.delete(c.name as string);
        }
      }
      const drop = child(stmt, 'DropStmt');
      if (drop) {
        for (const o of list(drop.objects)) {
          const name = list(child(o, 'List')?.items).map(sval).pop();
          if (!name) continue;
          if (drop.removeType === 'OBJECT_TABLE') tables.delete(name);
          if (drop.removeType === 'OBJECT_INDEX') for (const t of tables.values()) t.keys.delete(name);
        }
      }
    }
  }
  return tables;
}

function addConstraint(t: TableShape, con: Node) {
  if (con.contype === 'CONSTR_PRIMARY' || con.contype === 'CONSTR_UNIQUE') t.keys.set(con.conname as string, list(con.keys).map((k) => sval(k)!));
  if (con.contype === 'CONSTR_FOREIGN') t.foreignKeys.push({ table: (con.pktable as Node).relname as string, columns: list(con.fk_attrs).map((k) => sval(k)!) });
}

/** A table's keys after the script's key changes (dropped constraints gone, added ones in). */
export function keysAfter(shape: TableShape, layout: CitusLayout, table: string): Map<string, string[]> {
  const keys = new Map(shape.keys);
  const kc = layout.keyChanges.get(table);
  for (const d of kc?.drop ?? []) keys.delete(d);
  for (const a of kc?.add ?? []) keys.set(a.name ?? `${table}_${a.kind}_${keys.size}`, a.columns);
  return keys;
}
