// One model source (prisma/schema.base.prisma), rendered per provider: a Prisma schema has exactly one
// `provider`, and each provider gets its own generated client and migrations folder.
export const PROVIDERS = ['sqlite', 'postgres'] as const;
export type SchemaProvider = (typeof PROVIDERS)[number];

export function renderSchema(base: string, provider: SchemaProvider): string {
  if (!base.includes('__PROVIDER__') || !base.includes('__OUTPUT__')) {
    throw new Error('schema.base.prisma must contain __PROVIDER__ and __OUTPUT__ placeholders');
  }
  const header = `// GENERATED from prisma/schema.base.prisma by \`npm run db:migrations\`. Do not edit.\n`;
  return header + base
    .replace('__PROVIDER__', provider === 'postgres' ? 'postgresql' : 'sqlite')
    .replace('__OUTPUT__', `../../lib/generated/${provider}`)
    .replace('__URL__', provider === 'postgres' ? 'postgresql://adapter-only/unused' : 'file:./adapter-only-unused.db');
}
