import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { GENEROUS_RATE_LIMITS } from './rate-limits.ts';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed, for a failing test's message. */
  output(): string;
  /** Sends the signal and waits for the process to be gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * `npm start`'s server as its own process (no pages), for tests that must kill it like an
 * operator or a crash would; `entry` runs another script instead (the bench's floor server).
 * Resolves once /readyz answers ready (the process is warm: see warm-up.ts).
 */
export async function startServerProcess(
  env: Record<string, string>,
  { port, entry = MAIN, readyWithinMs = 30_000 }: { port?: number; entry?: string; readyWithinMs?: number } = {},
): Promise<ServerProcess> {
  const listenOn = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(listenOn), ROUTING_MODE: 'manual', ...GENEROUS_RATE_LIMITS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${listenOn}`;
  const process_ = {
    url,
    child,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  for (let tries = 0; tries < readyWithinMs / 100; tries++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    const healthy = await fetch(`${url}/readyz`).then(
      (res) => res.ok,
      () => false,
    );
    if (healthy) return process_;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await process_.stop('SIGKILL');
  throw new Error(`the server did not become ready in ${readyWithinMs / 1000} s:\n${output}`);
}
