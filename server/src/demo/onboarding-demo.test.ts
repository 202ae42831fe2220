import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, signIn } from '../../test/builders';
import { startTestApp, type TestApp } from '../../test/harness';
import { DEMO } from './demo-data';

type SignedUp = { data: { accounts: { id: number }[] } };

describe('onboarding with demo data: POST /api/v1/accounts { with_demo_data }', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ signupEnabled: true });
  });
  afterAll(() => t.close());

  const signUp = (email: string, extra: Record<string, unknown> = {}) =>
    t.request({ method: 'POST', url: '/api/v1/accounts', payload: { account_name: `Conta ${email}`, user_full_name: 'Ana Souza', email, password: PASSWORD, ...extra } });

  async function counts(email: string, accountId: number) {
    const token = (await signIn(t, email)).user.access_token as string;
    const get = async <T>(path: string) => {
      const response = await t.request({ method: 'GET', url: `/api/v1/accounts/${accountId}${path}`, token });
      expect(response.statusCode, path).toBe(200);
      return response.json<T>();
    };
    const list = await get<{ data: { meta: { all_count: number } } }>('/conversations?status=all&assignee_type=all');
    const inboxes = await get<{ payload: unknown[] }>('/inboxes');
    const labels = await get<{ payload: unknown[] }>('/labels');
    return { conversations: list.data.meta.all_count, inboxes: inboxes.payload.length, labels: labels.payload.length };
  }

  it('rejects a flag that is not a boolean, creating nothing', async () => {
    const response = await signUp('flag@demo.example', { with_demo_data: 'sim' });
    expect(response.statusCode).toBe(422);
    expect(JSON.stringify(response.json())).toContain('with_demo_data');
    const again = await t.request({ method: 'POST', url: '/auth/sign_in', payload: { email: 'flag@demo.example', password: PASSWORD } });
    expect(again.statusCode).toBe(401);
  });

  it('fills only the account just created; accounts made without the flag, before or after, stay empty', async () => {
    const plain = await signUp('vazia@demo.example');
    expect(plain.statusCode).toBe(200);
    const plainId = plain.json<SignedUp>().data.accounts[0]!.id;

    const demo = await signUp('demo@demo.example', { with_demo_data: true });
    expect(demo.statusCode).toBe(200);
    const demoId = demo.json<SignedUp>().data.accounts[0]!.id;
    expect(demoId).not.toBe(plainId);

    const after = await signUp('depois@demo.example', { with_demo_data: false });
    const afterId = after.json<SignedUp>().data.accounts[0]!.id;

    expect(await counts('demo@demo.example', demoId)).toEqual({
      conversations: DEMO.conversations.length,
      inboxes: DEMO.inboxes.length,
      labels: DEMO.labels.length,
    });
    expect(await counts('vazia@demo.example', plainId)).toEqual({ conversations: 0, inboxes: 0, labels: 0 });
    expect(await counts('depois@demo.example', afterId)).toEqual({ conversations: 0, inboxes: 0, labels: 0 });
  });
});
