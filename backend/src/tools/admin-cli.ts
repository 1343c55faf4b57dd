import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../platform/config/index.ts';
import { openDatabase } from '../platform/db/index.ts';
import { addUsers, passwordProblem, roles } from '../identity/auth/index.ts';
import { seedReferenceData } from '../demo/index.ts';

const usage = `Usage:
  npm run admin -- create-user --username NAME --role ${roles.join('|')} [--name "显示名"] [--department CODE] [--password PASSWORD]
  npm run admin -- migrate

Uses DATABASE_URL (PostgreSQL) or the embedded database in DATA_DIR, like the server.
Without --password a random one is generated and printed once.`;

const createUserInput = z.object({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,49}$/, 'lower-case letters, digits, . _ - (2–50)'),
  role: z.enum(roles),
  name: z.string().min(1).max(100).optional(),
  department: z.string().optional(),
  password: z.string().optional(),
});

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { username: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, department: { type: 'string' }, password: { type: 'string' } },
  });
  const command = positionals[0];
  if (command !== 'create-user' && command !== 'migrate') {
    console.error(usage);
    process.exit(2);
  }
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    await seedReferenceData(database.db);
    if (command === 'migrate') {
      console.log('Migrations applied.');
      return;
    }
    const parsed = createUserInput.safeParse(values);
    if (!parsed.success) {
      console.error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n') + `\n\n${usage}`);
      process.exitCode = 2;
      return;
    }
    const input = parsed.data;
    const problem = input.password === undefined ? null : passwordProblem(input.password, input.username, config);
    if (problem) {
      console.error(`--password: ${problem}\n\n${usage}`);
      process.exitCode = 2;
      return;
    }
    const password = input.password ?? randomBytes(12).toString('base64url');
    await addUsers(
      database.db,
      [{ username: input.username, displayName: input.name ?? input.username, role: input.role, departmentCode: input.department ?? null }],
      password,
    );
    console.log(`Created ${input.role} "${input.username}"${input.password ? '' : ` with password ${password}`}`);
  } finally {
    await database.close();
  }
}

await main();
