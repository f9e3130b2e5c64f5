// Renders prisma/schema.base.prisma for each provider and writes the migration SQL that takes the last
// migrated schema to the current one, offline (`prisma migrate diff`, STACK.md).
//   npm run db:migrations -- <name>      e.g. npm run db:migrations -- add_warnings
// With no schema change it only re-renders and reports that nothing changed.
//   npm run db:migrations -- --resync    after a merge that brought migrations from two branches: render
//   both schemas and set each snapshot to the rendered schema (the merged migrations together reach it).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { renderSchema, PROVIDERS } from '../lib/db/schema-render';

const root = path.resolve(__dirname, '..');
fs.mkdirSync(path.join(root, '.tmp'), { recursive: true }); // the SQLite diff database lives there
const name = (process.argv[2] ?? 'change').replace(/[^a-z0-9_]/gi, '_');
// The WASM schema engine connects through the adapter even to diff two files, so PostgreSQL needs a
// server: a throwaway one on a spare loopback port.
const pgScript = path.join(root, 'scripts/pg-throwaway.sh');
const pgUrl = () => execFileSync(pgScript, ['start', process.env.PG_MIGRATIONS_PORT ?? '55439'], { encoding: 'utf8' }).trim().split('\n').pop()!;

if (process.argv.includes('--resync')) {
  for (const provider of PROVIDERS) {
    const dir = path.join(root, 'prisma', provider);
    const rendered = renderSchema(fs.readFileSync(path.join(root, 'prisma/schema.base.prisma'), 'utf8'), provider);
    fs.writeFileSync(path.join(dir, 'schema.prisma'), rendered);
    fs.writeFileSync(path.join(dir, 'migrations', 'schema.snapshot.prisma'), rendered);
    console.log(`${provider}: schema and snapshot re-rendered`);
  }
  process.exit(0);
}

for (const provider of PROVIDERS) {
  const dir = path.join(root, 'prisma', provider);
  const migrations = path.join(dir, 'migrations');
  fs.mkdirSync(migrations, { recursive: true });
  const schemaFile = path.join(dir, 'schema.prisma');
  fs.writeFileSync(schemaFile, renderSchema(fs.readFileSync(path.join(root, 'prisma/schema.base.prisma'), 'utf8'), provider));
  // The schema as of the last migration; diffing against it gives the next migration.
  const snapshot = path.join(migrations, 'schema.snapshot.prisma');
  const from = fs.existsSync(snapshot) ? ['--from-schema-datamodel', snapshot] : ['--from-empty'];
  const sql = execFileSync(
    'npx',
    ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', schemaFile, '--script'],
    { cwd: root, env: { ...process.env, PRISMA_PROVIDER: provider, DATABASE_URL: provider === 'sqlite' ? 'file:./.tmp/diff.db' : pgUrl() }, encoding: 'utf8' },
  );
  if (/^--\s*This is an empty migration\.?\s*$/m.test(sql) || sql.trim() === '') {
    // Same models: keep the snapshot byte-equal to the rendered schema (comments/datasource may differ).
    if (fs.existsSync(snapshot)) fs.copyFileSync(schemaFile, snapshot);
    console.log(`${provider}: no schema change`);
    continue;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const target = path.join(migrations, `${stamp}_${name}`);
  fs.mkdirSync(target);
  fs.writeFileSync(path.join(target, 'migration.sql'), sql);
  fs.copyFileSync(schemaFile, snapshot);
  fs.writeFileSync(path.join(migrations, 'migration_lock.toml'), `provider = "${provider === 'postgres' ? 'postgresql' : 'sqlite'}"\n`);
  console.log(`${provider}: wrote ${path.relative(root, target)}/migration.sql`);
}
execFileSync(pgScript, ['stop', process.env.PG_MIGRATIONS_PORT ?? '55439']);
