import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { serverRoot } from '../src/paths';
import { bundleScript } from './spawn-script';
import { waitFor } from './wait';

let cli: Promise<string> | undefined;
/** The CLI (src/main.ts) bundled once per test process. */
export function bundledCli(): Promise<string> {
  cli ??= bundleScript(join(serverRoot, 'src/main.ts'));
  return cli;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export type RockethubProcess = {
  url: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** kill -9: no chance to clean up. */
  crash(): Promise<void>;
  stop(): Promise<void>;
};

/** Runs `rockethub start` as a real process and waits until /ready answers. */
export async function startProcess(env: Record<string, string>, readyTimeoutMs = 60_000): Promise<RockethubProcess> {
  const port = await freePort();
  const file = await bundledCli();
  const child = spawn(process.execPath, [file, 'start'], {
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  let dead = false;
  void exited.then(() => (dead = true));
  await waitFor(
    async () => {
      if (dead) throw new Error(`rockethub exited before it was ready:\n${output}`);
      const res = await fetch(`${url}/ready`).catch(() => undefined);
      return res?.status === 200;
    },
    readyTimeoutMs,
    100,
  ).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    url,
    child,
    output: () => output,
    exited,
    async crash() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
