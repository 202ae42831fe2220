import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness';
import { bundledCli, startProcess } from '../test/rockethub-process';
import { runScript } from '../test/spawn-script';

/**
 * The real process, as `npm start` runs it: embedded PGlite under DATA_DIR (or the PostgreSQL of
 * DATABASE_URL in the services pass), restarted after kill -9, and the CLI commands.
 */
describe('rockethub process', () => {
  let dir: string;
  let databaseEnv: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rockethub-process-'));
    if (process.env.DATABASE_URL) {
      const database = await openTestDatabase();
      databaseEnv = { DATABASE_URL: database.url! };
      await database.close();
    } else {
      databaseEnv = { DATA_DIR: join(dir, 'data') };
    }
    await bundledCli();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const json = { 'content-type': 'application/json' };

  it('keeps every acknowledged write through kill -9 and restarts on its own', async () => {
    let node = await startProcess(databaseEnv);
    const signUp = await fetch(`${node.url}/api/v1/accounts`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ account_name: 'Crash Co', user_full_name: 'Owner', email: 'owner@crash.test', password: 'Owner-pass-1' }),
    });
    expect(signUp.status).toBe(200);
    const { data: owner } = (await signUp.json()) as { data: { access_token: string; account_id: number } };

    // Invite agents as fast as possible and kill the process in the middle of it.
    const acknowledged: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const email = `agent-${i}@crash.test`;
        const res = await fetch(`${node.url}/api/v1/accounts/${owner.account_id}/agents`, {
          method: 'POST',
          headers: { ...json, api_access_token: owner.access_token },
          body: JSON.stringify({ name: `Agent ${i}`, email, role: 'agent' }),
        }).catch(() => undefined);
        if (res?.status === 200) acknowledged.push(email);
        else if (res) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await node.crash();
    writing = false;
    await writer;
    expect(acknowledged.length).toBeGreaterThan(0);

    node = await startProcess(databaseEnv);
    try {
      const res = await fetch(`${node.url}/api/v1/accounts/${owner.account_id}/agents`, {
        headers: { api_access_token: owner.access_token },
      });
      const agents = (await res.json()) as { email: string }[];
      const emails = new Set(agents.map((a) => a.email));
      expect(acknowledged.filter((e) => !emails.has(e))).toEqual([]);

      const signIn = await fetch(`${node.url}/auth/sign_in`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: 'owner@crash.test', password: 'Owner-pass-1' }),
      });
      expect(signIn.status).toBe(200);
    } finally {
      await node.stop();
    }
  }, 120_000);

  it.skipIf(Boolean(process.env.DATABASE_URL))('refuses a second process on the same embedded data directory', async () => {
    const first = await startProcess(databaseEnv);
    try {
      const second = await runScript(await bundledCli(), { ...databaseEnv, PORT: '0', LOG_LEVEL: 'warn' }, ['start']);
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(/already open in another RocketHub process \(pid \d+\)/);
    } finally {
      await first.stop();
    }
  }, 60_000);

  it('creates an administrator and a platform app from the command line', async () => {
    const cli = await bundledCli();
    const env = { ...databaseEnv, LOG_LEVEL: 'warn', FRONTEND_URL: 'http://hub.example' };
    const created = await runScript(cli, env, ['create-admin', '--account-name', 'CLI Co', '--name', 'Cli Admin', '--email', 'cli@admin.test']);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Created account #\d+ "CLI Co" with administrator cli@admin\.test/);
    expect(created.stdout).toMatch(/Set the password here: http:\/\/hub\.example\/app\/auth\/password\/edit\?reset_password_token=/);

    const platform = await runScript(cli, env, ['create-platform-app', '--name', 'Provisioner']);
    expect(platform.code).toBe(0);
    const token = /api_access_token: (\S+)/.exec(platform.stdout)?.[1];
    expect(token).toBeTruthy();

    const node = await startProcess(databaseEnv);
    try {
      const res = await fetch(`${node.url}/platform/api/v1/accounts`, {
        method: 'POST',
        headers: { ...json, api_access_token: token! },
        body: JSON.stringify({ name: 'Provisioned' }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ name: 'Provisioned' });
    } finally {
      await node.stop();
    }
  }, 120_000);
});

