import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../platform/config/index.ts';
import { openDatabase } from '../platform/db/index.ts';
import { addUsers, passwordProblem, roles } from '../identity/auth/index.ts';
import { seedReferenceData } from '../demo/index.ts';
import { DomainEventBus } from '../platform/domain-events/index.ts';
import { ServiceError } from '../platform/errors/index.ts';
import { type TerritoryIssue, describeIssues, exportTerritory, formatTerritoryFile, replaceTerritory } from '../reference/territory/index.ts';
import type { Database } from '../platform/db/index.ts';

const usage = `Usage:
  npm run admin -- create-user --username NAME --role ${roles.join('|')} [--name "显示名"] [--department CODE] [--password PASSWORD]
  npm run admin -- migrate
  npm run admin -- import-territory FILE.geojson
  npm run admin -- export-territory [FILE.geojson]

Uses DATABASE_URL (PostgreSQL) or the embedded database in DATA_DIR, like the server.
Without --password a random one is generated and printed once.
import-territory replaces the territory and address base (GeoJSON, see README); running servers
pick it up on restart, or import through PUT /api/admin/territory to reload every instance at once.`;

const COMMANDS = ['create-user', 'migrate', 'import-territory', 'export-territory'];

/** Validates and imports a territory file: every error with its feature, and exit code 2, when it is refused. */
async function importTerritoryFile(database: Database, file: string | undefined): Promise<void> {
  if (!file) throw new UsageError('import-territory needs the file to import');
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
  try {
    const counts = await replaceTerritory({ ctx: { db: database.db, domainEvents: new DomainEventBus(), actor: { type: 'system' } }, input });
    console.log(`Imported ${counts.units} units, ${counts.roads} roads and ${counts.places} places from ${file}.`);
  } catch (error) {
    const issues = error instanceof ServiceError ? (error.details as { issues?: TerritoryIssue[] } | undefined)?.issues : undefined;
    if (!issues) throw error;
    throw new UsageError(`${file} was not imported (nothing changed):\n${describeIssues(issues).join('\n')}`);
  }
}

async function exportTerritoryFile(database: Database, file: string | undefined): Promise<void> {
  const text = formatTerritoryFile(await exportTerritory(database.db));
  if (file) writeFileSync(file, text);
  else process.stdout.write(text);
}

/** A refusal the user can fix: printed without a stack, exit code 2. */
class UsageError extends Error {}

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
  if (!command || !COMMANDS.includes(command)) {
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
    if (command === 'import-territory') return await importTerritoryFile(database, positionals[1]);
    if (command === 'export-territory') return await exportTerritoryFile(database, positionals[1]);
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
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  } finally {
    await database.close();
  }
}

await main();
