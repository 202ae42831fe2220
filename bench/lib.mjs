// Shared pieces of the benchmarks: start the built app as a real process and watch it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const mainJs = join(root, 'server/dist/main.js');

/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts `rockethub start` (the built bundle directly, or through `npm start` as a user does) and
 * resolves when /ready answers 200. `BENCH_NODE_ARGS` adds Node options to the node (e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it).
 * @param {Record<string, string>} env
 * @param {{ viaNpm?: boolean, onStdout?: (line: string) => void }} [options] `onStdout` gets the node's
 *   output line by line (its JSON log).
 * @returns {Promise<{ url: string, pid: number, readyMs: number, stop(): Promise<void> }>}
 */
export async function startNode(env, options = {}) {
  const port = await freePort();
  const started = performance.now();
  const [command, args] = options.viaNpm ? ['npm', ['start', '--silent']] : [process.execPath, [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), mainJs, 'start']];
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', options.onStdout ? 'pipe' : 'ignore', 'inherit'],
    detached: options.viaNpm,
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  if (options.onStdout && child.stdout) {
    let rest = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (/** @type {string} */ chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const text of lines) options.onStdout?.(text);
    });
  }
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error('rockethub exited before it was ready');
    const res = await fetch(`${url}/ready`).catch(() => undefined);
    if (res?.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const readyMs = performance.now() - started;
  return {
    url,
    pid: child.pid ?? 0,
    readyMs,
    async stop() {
      // npm runs the app in a child process: signal the whole group.
      if (options.viaNpm && child.pid) process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Resident memory of a process in MB, from /proc. @param {number} pid */
export function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** @param {number[]} values @param {number} p */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export function machine() {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`;
}

/** @param {number} ms */
export const fmt = (ms) => `${ms.toFixed(0)} ms`;

/**
 * A JSON request that must answer 200; resolves with the parsed body.
 * @param {string} method @param {string} url @param {Record<string, string>} headers @param {unknown} [body]
 */
export async function call(method, url, headers, body) {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/**
 * Signs up a new account on a node (its administrator's token for the API).
 * @param {string} nodeUrl @param {string} accountName
 * @returns {Promise<{ accountId: number, auth: Record<string, string>, api: (path: string) => string }>}
 */
export async function signUpAccount(nodeUrl, accountName) {
  const signUp = await call('POST', `${nodeUrl}/api/v1/accounts`, {}, {
    account_name: accountName,
    user_full_name: 'Bench',
    email: `bench-${Date.now()}@rockethub.test`,
    password: 'Bench-password-1',
  });
  const { account_id: accountId, access_token: token } = signUp.data;
  return { accountId, auth: { api_access_token: token }, api: (path) => `${nodeUrl}/api/v1/accounts/${accountId}${path}` };
}
