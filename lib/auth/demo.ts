// The demo city's labelled demo accounts (演示账号): one admin, one city analyst, one county user for
// 石门县 (for the demo province, DEMO=province: an admin, a province-level analyst of the city role bound to no
// city, one city-role user bound to each city of the county users, and county users for three counties that
// carry its stories, lib/demo/province.ts provinceDemoCounties). Passwords are generated when the accounts are
// created (first start on an empty database), printed once and written to a file (README:
// data/demo-accounts.txt); there is no fixed default password.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '@/lib/db';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { createUser, generatePassword, type UserRole } from './users';
import { provinceDemoCounties, provinceSpec } from '@/lib/demo/province';

export const DEMO_ACCOUNTS: readonly { username: string; name: string; role: UserRole; regionCode: string | null }[] = [
  { username: 'demo-admin', name: '演示·系统管理员', role: 'admin', regionCode: null },
  { username: 'demo-city', name: '演示·市医保局分析员', role: 'city', regionCode: null },
  { username: 'demo-shimen', name: '演示·石门县医保局', role: 'county', regionCode: '439922' },
];

type DemoAccount = (typeof DEMO_ACCOUNTS)[number];

/**
 * The demo province's accounts: demo-city the province-level analyst (every city), demo-<city code> a city
 * user bound to that city (one per city of the county users), demo-<county code> the county users.
 * demo-city stays the first of the city role (the browser tests sign in as the first account of a role).
 */
export function demoProvinceAccounts(seed?: number, cities?: number): DemoAccount[] {
  const spec = provinceSpec({ seed, cities });
  const counties = provinceDemoCounties(spec);
  const boundCities = spec.cities.map((c) => c.spec).filter((c) => counties.some((k) => c.counties.some((x) => x.code === k.code)));
  return [
    { username: 'demo-admin', name: '演示·系统管理员', role: 'admin', regionCode: null },
    { username: 'demo-city', name: '演示·全省医保分析员', role: 'city', regionCode: null },
    ...boundCities.map((c) => ({ username: `demo-${c.code}`, name: `演示·${c.name}医保局`, role: 'city' as const, regionCode: c.code })),
    ...counties.map((c) => ({ username: `demo-${c.code}`, name: `演示·${c.name}医保局`, role: 'county' as const, regionCode: c.code })),
  ];
}

/** Where the generated passwords go: DEMO_ACCOUNTS_FILE, else beside the SQLite file, else data/. */
export function demoAccountsFile(db: Db): string {
  if (process.env.DEMO_ACCOUNTS_FILE) return path.resolve(process.env.DEMO_ACCOUNTS_FILE);
  if (db.provider === 'sqlite') return path.join(path.dirname(path.resolve(db.url.replace(/^file:/, ''))), 'demo-accounts.txt');
  return path.resolve('data/demo-accounts.txt');
}

export interface DemoCredential { username: string; password: string; role: UserRole; name: string }

/** Parses the file written by ensureDemoAccounts (for tests and scripts). */
export function readDemoAccounts(file: string): DemoCredential[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => /^demo-/.test(l)).map((l) => {
    const [username, password, role, ...name] = l.trim().split(/\s+/);
    return { username, password, role: role as UserRole, name: name.join(' ') };
  });
}

/**
 * Creates the demo accounts when the database has no users at all and holds the demo city
 * (or the demo province: DatasetMeta scope = province). Returns the
 * credentials (to print once) and the file written, or null when nothing was created.
 */
export async function ensureDemoAccounts(db: Db): Promise<{ file: string; accounts: DemoCredential[] } | null> {
  if ((await db.prisma.user.count()) > 0) return null;
  const demo = await db.prisma.datasetMeta.findUnique({ where: { key: 'isDemo' } });
  if (demo?.value !== 'true' && demo?.value !== '1') return null;
  const meta = new Map((await db.prisma.datasetMeta.findMany({ where: { key: { in: ['scope', 'seed', 'cityCount'] } } })).map((m) => [m.key, m.value]));
  const list = meta.get('scope') === 'province'
    ? demoProvinceAccounts(meta.has('seed') ? Number(meta.get('seed')) : undefined, meta.has('cityCount') ? Number(meta.get('cityCount')) : undefined)
    : DEMO_ACCOUNTS;
  const accounts: DemoCredential[] = [];
  for (const a of list) {
    const password = generatePassword();
    await createUser(db, SYSTEM_ACTOR, { ...a, password, isDemo: true });
    accounts.push({ username: a.username, password, role: a.role, name: a.name });
  }
  const file = demoAccountsFile(db);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lines = [
    '# 演示账号（演示数据专用，首次启动时随机生成；生产环境请停用这些账号并用 npm run user:create 建立正式账号）',
    '# 用户名  密码  角色  姓名',
    ...accounts.map((a) => `${a.username}  ${a.password}  ${a.role}  ${a.name}`),
    '',
  ];
  fs.writeFileSync(file, lines.join('\n'), { mode: 0o600 });
  return { file, accounts };
}
