// PostgreSQL driver adapter with one workaround.
//
// prisma/orm#27403: @prisma/adapter-pg 6.19 cannot decode the catalog type `name` (OID 19), which the
// schema engine's introspection queries return, so `prisma migrate deploy` fails with
// "Column type 'name' could not be deserialized". We relabel `name` (and `name[]`) result columns as
// `text` (`text[]`) before the adapter sees them; the values are already plain strings on the wire.
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

const NAME_OID = 19;
const NAME_ARRAY_OID = 1003;
const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;

type FieldLike = { dataTypeID: number };
type ResultLike = { fields?: FieldLike[] } | undefined | null;

/** Rewrites `name` columns to `text` in a pg result (or array of results for multi-statement queries). */
export function relabelNameColumns<T>(result: T): T {
  const each = Array.isArray(result) ? (result as ResultLike[]) : [result as ResultLike];
  for (const r of each) {
    for (const f of r?.fields ?? []) {
      if (f.dataTypeID === NAME_OID) f.dataTypeID = TEXT_OID;
      else if (f.dataTypeID === NAME_ARRAY_OID) f.dataTypeID = TEXT_ARRAY_OID;
    }
  }
  return result;
}

/**
 * A connection the server ended on its own (a restart, `pg_terminate_backend`, a dropped database:
 * 57P01 "terminating connection due to administrator command") is reported by pg as an 'error' event on
 * the client and, for idle clients, on the pool. An EventEmitter 'error' without a listener throws, which
 * would take the whole server process down (and fails a test run after its tests passed). The connection
 * is discarded either way and the pool opens a new one on the next query: log it, once, and go on.
 */
function logConnectionError(err: Error & { code?: string }) {
  console.warn(`[db] PostgreSQL connection closed by the server: ${err.code ?? ''} ${err.message}`.replace(/\s+/g, ' '));
}

/**
 * A pg Client whose query results never carry the `name` type (both promise and callback forms), and whose
 * connection-level errors are logged instead of thrown (see logConnectionError).
 */
export class NameAsTextClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', logConnectionError);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const cb = args[last];
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      args[last] = (err: unknown, res: any) => cb(err, err ? res : relabelNameColumns(res));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const out = (super.query as any)(...args);
    return out && typeof out.then === 'function' ? out.then(relabelNameColumns) : out;
  }
}

export function createPgPool(url: string, max = 5): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, Client: NameAsTextClient });
  // The idle client's own listener has logged it; the pool only needs a listener so it does not throw.
  pool.on('error', () => {});
  return pool;
}

export function pgAdapterFactory(url: string, pool?: pg.Pool) {
  return new PrismaPg(pool ?? createPgPool(url));
}
