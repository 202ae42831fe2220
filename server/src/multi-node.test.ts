import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness';
import { bundledCli, type RockethubProcess, startProcess } from '../test/rockethub-process';
import { TEST_REDIS_URL } from '../test/database-target';

/**
 * Scale-out as the README describes it: several nodes on one PostgreSQL and one Redis, behind any
 * load balancer. Runs in the services pass (DATABASE_URL and REDIS_URL set).
 */
describe.skipIf(!process.env.DATABASE_URL || !TEST_REDIS_URL)('several nodes on one PostgreSQL and Redis', () => {
  let a: RockethubProcess;
  let b: RockethubProcess;
  beforeAll(async () => {
    const database = await openTestDatabase();
    const env = {
      DATABASE_URL: database.url!,
      REDIS_URL: TEST_REDIS_URL!,
      REDIS_KEY_PREFIX: `rht-multi-${process.pid}-${Date.now()}:`,
      SECRET_KEY_BASE: '',
    };
    await database.close();
    await bundledCli();
    [a, b] = await Promise.all([startProcess(env), startProcess(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  const json = { 'content-type': 'application/json' };

  it('serves one installation: a session from node A works on node B, and mail sent through either is delivered once', async () => {
    const signUp = await fetch(`${a.url}/api/v1/accounts`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ account_name: 'Two Nodes', user_full_name: 'Owner', email: 'owner@nodes.test', password: 'Owner-pass-1' }),
    });
    expect(signUp.status).toBe(200);
    const session = signUp.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { data } = (await signUp.json()) as { data: { account_id: number; access_token: string } };

    const profileOnB = await fetch(`${b.url}/api/v1/profile`, { headers: { cookie: session } });
    expect(profileOnB.status).toBe(200);

    for (const [i, node] of [a, b, a, b].entries()) {
      const res = await fetch(`${node.url}/api/v1/accounts/${data.account_id}/agents`, {
        method: 'POST',
        headers: { ...json, api_access_token: data.access_token },
        body: JSON.stringify({ name: `Agent ${i}`, email: `agent${i}@nodes.test`, role: 'agent' }),
      });
      expect(res.status).toBe(200);
    }
    let mails: { to: string }[] = [];
    for (let tries = 0; tries < 100 && mails.length < 4; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const box = await fetch(`${b.url}/api/v1/accounts/${data.account_id}/dev_mailbox`, {
        headers: { api_access_token: data.access_token },
      });
      mails = ((await box.json()) as { payload: { to: string }[] }).payload;
    }
    // Give a duplicate time to show up, then check each invitation arrived exactly once.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const box = await fetch(`${a.url}/api/v1/accounts/${data.account_id}/dev_mailbox`, { headers: { api_access_token: data.access_token } });
    mails = ((await box.json()) as { payload: { to: string }[] }).payload;
    expect(mails.map((m) => m.to).sort()).toEqual(['agent0@nodes.test', 'agent1@nodes.test', 'agent2@nodes.test', 'agent3@nodes.test']);
  });

  it('counts sign-in attempts across nodes (rate limit in Redis)', async () => {
    const attempt = (node: RockethubProcess) =>
      fetch(`${node.url}/auth/sign_in`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: 'nobody@nodes.test', password: 'wrong-password-1' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt(i % 2 === 0 ? a : b)).status);
    // 10 attempts per email per window, whichever node receives them.
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
