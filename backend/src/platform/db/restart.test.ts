import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.ts';
import { startServer } from '../../server.ts';
import { openDatabase } from './client.ts';

describe('the embedded database on disk', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hotline-restart-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_PASSWORD: 'restart-password' });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const submit = (url: string, text: string) =>
    fetch(`${url}/api/public/appeals`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) }).then(
      (r) => r.json() as Promise<{ caseNumber: string }>,
    );

  it('keeps every appeal, account and counter across a restart', async () => {
    const first = await startServer({ config, serveConsole: false });
    expect(first.demoAccounts?.usernames).toContain('agent1');
    const before = await submit(first.url, '重启前提交的诉求');
    await first.close();

    const second = await startServer({ config, serveConsole: false });
    try {
      expect(second.demoAccounts).toBeUndefined();
      const lookup = await fetch(`${second.url}/api/public/appeals/${before.caseNumber}`);
      expect(lookup.status).toBe(200);
      const login = await fetch(`${second.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'agent1', password: 'restart-password' }),
      });
      expect(login.status).toBe(200);
      const after = await submit(second.url, '重启后提交的诉求');
      expect(Number(after.caseNumber)).toBe(Number(before.caseNumber) + 1);
      expect(await (await fetch(`${second.url}/healthz`)).json()).toMatchObject({ status: 'ok', db: 'pglite' });
    } finally {
      await second.close();
    }
  });

  it('refuses to open a data folder another live process holds', async () => {
    const held = await openDatabase({ dataDir });
    try {
      // The lock file names a live process other than ours (pid 1 always exists).
      const { writeFileSync } = await import('node:fs');
      writeFileSync(path.join(dataDir, 'hotline.pid'), '1');
      await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by process 1/);
    } finally {
      await held.close();
    }
  });
});
