// One model source: the rendered provider schemas must be current, and each must have a migration
// (the snapshot of the last migrated schema equals the rendered one), or the databases drift.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { PROVIDERS, renderSchema } from './schema-render';

const root = path.resolve(__dirname, '../..');
const base = fs.readFileSync(path.join(root, 'prisma/schema.base.prisma'), 'utf8');

describe.each(PROVIDERS)('%s schema', (provider) => {
  it('is rendered from schema.base.prisma (run `npm run db:migrations -- <name>`)', () => {
    expect(fs.readFileSync(path.join(root, 'prisma', provider, 'schema.prisma'), 'utf8')).toBe(renderSchema(base, provider));
  });
  it('has a migration for its current models', () => {
    const snapshot = fs.readFileSync(path.join(root, 'prisma', provider, 'migrations', 'schema.snapshot.prisma'), 'utf8');
    expect(snapshot).toBe(renderSchema(base, provider));
  });
  it('places the provider and client output', () => {
    const s = renderSchema(base, provider);
    expect(s).toContain(provider === 'postgres' ? 'provider = "postgresql"' : 'provider = "sqlite"');
    expect(s).toContain(`../../lib/generated/${provider}`);
  });
});
