// The real RocketHub, as users run it: `node server/dist/main.js start` in a child process, with its
// own data directory (embedded PGlite) and port. Used by the global setup only.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 20_000;

export type AppServerOptions = { dataDir: string; port: number; logFile: string };

/** A free TCP port on 127.0.0.1 (the OS picks it; the server binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * The suite must not depend on the developer's shell: the embedded database, the dev mailbox, no
 * Redis, one node with every role, sign-up closed after onboarding.
 */
const UNSET = ['DATABASE_URL', 'DATABASE_POOL_SIZE', 'REDIS_URL', 'REDIS_KEY_PREFIX', 'SMTP_URL', 'ROCKETHUB_ROLES', 'ENABLE_ACCOUNT_SIGNUP', 'TRUST_PROXY', 'SESSION_TTL_DAYS', 'SECRET_KEY_BASE'];

function serverEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of UNSET) delete env[name];
  return { ...env, ...settings };
}

export class AppServer {
  readonly baseUrl: string;
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private readonly log: WriteStream;
  /** The last lines the server printed, shown when it fails to start. */
  private tail: string[] = [];
  private stopping = false;
  starts = 0;

  constructor(private readonly options: AppServerOptions) {
    this.baseUrl = `http://127.0.0.1:${options.port}`;
    this.log = createWriteStream(options.logFile, { flags: 'a' });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    if (this.child) throw new Error('RocketHub is already running');
    this.starts += 1;
    this.tail = [];
    this.log.write(`\n=== start #${this.starts} at ${new Date().toISOString()} on ${this.baseUrl}\n`);
    const child = spawn(process.execPath, [join(REPO_ROOT, 'server/dist/main.js'), 'start'], {
      cwd: REPO_ROOT,
      env: serverEnv({
        PORT: String(this.options.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.options.dataDir,
        LOG_LEVEL: 'warn',
        FRONTEND_URL: this.baseUrl,
        NODE_ENV: 'production',
        NO_COLOR: '1',
        // Every journey signs in from 127.0.0.1, several times each.
        SIGN_IN_LIMIT_PER_IP: '1000',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const record = (chunk: Buffer) => {
      this.log.write(chunk);
      this.tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      if (this.tail.length > 60) this.tail.splice(0, this.tail.length - 60);
    };
    child.stdout?.on('data', record);
    child.stderr?.on('data', record);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        const how = `code ${code}, signal ${signal}`;
        this.log.write(`=== exited (${how}) at ${new Date().toISOString()}\n`);
        // Code 0 without our SIGTERM means someone else signalled it (a stray `pkill`, say).
        if (!this.stopping) console.error(`[e2e] RocketHub (pid ${child.pid}) exited on its own (${how}); see ${this.options.logFile}`);
        if (this.child === child) this.child = null;
        resolve();
      });
    });
    await this.waitUntilReady(child);
  }

  private async waitUntilReady(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let exited = false;
    void this.exited.then(() => (exited = true));
    while (Date.now() < deadline) {
      if (exited) throw new Error(`RocketHub exited before it was ready (exit code ${child.exitCode}):\n${this.tail.join('\n')}`);
      try {
        const response = await fetch(`${this.baseUrl}/ready`, { signal: AbortSignal.timeout(2_000) });
        if (response.status === 200) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.stop();
    throw new Error(`RocketHub was not ready after ${READY_TIMEOUT_MS} ms:\n${this.tail.join('\n')}`);
  }

  /** SIGTERM, as a service manager would, and wait for the process to end (SIGKILL if it hangs). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.stopping = true;
    try {
      await this.terminate(child);
    } finally {
      this.stopping = false;
    }
  }

  private async terminate(child: ChildProcess): Promise<void> {
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const stopped = await Promise.race([
      this.exited.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), STOP_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    if (!stopped) {
      this.log.write(`=== did not stop within ${STOP_TIMEOUT_MS} ms of SIGTERM; killing it\n`);
      child.kill('SIGKILL');
      await this.exited;
      throw new Error(`RocketHub did not stop within ${STOP_TIMEOUT_MS} ms of SIGTERM`);
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Last resort when the test process itself exits. */
  killNow(): void {
    this.child?.kill('SIGKILL');
  }

  async close(): Promise<void> {
    try {
      await this.stop();
    } finally {
      await new Promise<void>((resolve) => this.log.end(resolve));
    }
  }
}
