// Creates a user in the database DATABASE_URL names (the first admin of a fresh production database), or
// resets an existing user's password. Recorded in the audit trail as `cli:<OS user>`.
//
//   npm run user:create -- --username U --role admin [--name 姓名] [--password P]
//   npm run user:create -- --username U --role county --region 439922 [--name 石门县医保局]
//   npm run user:create -- --username U --role city [--region 470100]   (a city user bound to one city of a province's warehouse)
//   npm run user:create -- --username U --reset-password [--password P]
// Without --password the password is asked for (hidden) on a terminal, or read from the first line of stdin.
import readline from 'node:readline';
import { createDb } from '../lib/db';
import { migrateDeploy } from '../lib/db/migrate';
import { cliActor } from '../lib/audit/record';
import { createUser, resetPassword, UserError, USER_ROLES, type UserRole } from '../lib/auth/users';
import { MIN_PASSWORD_LENGTH } from '../lib/auth/auth';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function usage(msg?: string): never {
  if (msg) console.error(msg);
  console.error(`用法：npm run user:create -- --username 用户名 --role admin|city|county [--region 地区代码（县级用户：所属县；市级用户：可选，所属设区市）] [--name 姓名] [--password 密码]
      npm run user:create -- --username 用户名 --reset-password [--password 密码]`);
  process.exit(1);
}

async function ask(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = readline.createInterface({ input: process.stdin });
    for await (const line of rl) { rl.close(); return line; }
    return '';
  }
  // Hidden input on a terminal.
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    let muted = false;
    out._writeToOutput = (s: string) => { if (!muted) out.output.write(s); };
    rl.question(prompt, (a) => { rl.close(); process.stdout.write('\n'); resolve(a); });
    muted = true;
  });
}

async function password(): Promise<string> {
  const given = arg('password');
  if (given) return given;
  const p = await ask(`密码（至少${MIN_PASSWORD_LENGTH}位）：`);
  if (process.stdin.isTTY && (await ask('再次输入：')) !== p) usage('两次输入的密码不一致');
  return p;
}

async function main() {
  const username = arg('username');
  if (!username) usage();
  migrateDeploy();
  const db = createDb();
  try {
    if (process.argv.includes('--reset-password')) {
      const u = await db.prisma.user.findUnique({ where: { username: username.toLowerCase() } });
      if (!u) usage(`没有这个用户：${username}`);
      await resetPassword(db, cliActor(), u.id, await password());
      console.log(`已重置 ${u.username} 的密码，其登录会话已全部注销`);
      return;
    }
    const role = arg('role') as UserRole | undefined;
    if (!role || !USER_ROLES.includes(role)) usage('--role 应为 admin、city 或 county');
    const u = await createUser(db, cliActor(), { username, name: arg('name') ?? username, role, regionCode: arg('region') ?? null, password: await password() });
    console.log(`已建立用户 ${u.username}（${u.role}${u.regionCode ? ' ' + u.regionCode : ''}）`);
  } catch (e) {
    if (e instanceof UserError) usage(e.message);
    throw e;
  } finally {
    await db.close();
  }
}

main().catch((e) => { console.error('[user:create] 失败：', e instanceof Error ? e.message : e); process.exit(1); });
