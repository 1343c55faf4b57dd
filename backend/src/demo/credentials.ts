import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../platform/config/index.ts';
import type { DatabaseKind } from '../platform/db/index.ts';
import type { DemoAccounts } from './seed.ts';

/**
 * The start banner's account lines. A generated demo password is kept in DATA_DIR so later
 * starts can show it again; on PostgreSQL no demo account exists and the admin command is shown.
 */
export async function rememberDemoPassword(config: Config, kind: DatabaseKind, created: DemoAccounts | undefined): Promise<string> {
  if (kind === 'postgres') {
    return '  No demo accounts on PostgreSQL. Create an administrator with:\n    npm run admin -- create-user --username admin --role admin\n';
  }
  const file = path.resolve(config.dataDir, 'demo-credentials.txt');
  if (created) {
    await writeFile(file, `${created.password}\n`);
    await chmod(file, 0o600);
  }
  const password = created?.password ?? (await readFile(file, 'utf8').catch(() => config.demoPassword ?? 'see DEMO_PASSWORD')).trim();
  return `  Demo accounts (password: ${password})
    admin · supervisor · agent1 · agent2 · agent3 · dept-<code> (one handler per department, e.g. dept-urban)
`;
}
