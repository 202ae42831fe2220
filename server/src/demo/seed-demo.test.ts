import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness';
import { DEMO } from './demo-data';
import { seedDemo } from './seed-demo';

type Conversation = { id: number; status: string; labels: string[]; meta: { assignee: { id: number } | null; sender: { name: string } } };

describe('seed-demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('fills a new account with the demo story, readable through the API', async () => {
    const result = await seedDemo(t.ctx, { email: 'demo@seed.example', name: 'Demo', password: 'demo-senha-1', accountName: 'Loja Aurora (demonstração)' });
    expect(result.conversations).toBe(DEMO.conversations.length);

    const signIn = await t.request({ method: 'POST', url: '/auth/sign_in', payload: { email: 'demo@seed.example', password: 'demo-senha-1' } });
    expect(signIn.statusCode).toBe(200);
    const token = signIn.json<{ data: { access_token: string } }>().data.access_token;
    const get = async <T>(path: string) => {
      const response = await t.request({ method: 'GET', url: `/api/v1/accounts/${result.accountId}${path}`, token });
      expect(response.statusCode, path).toBe(200);
      return response.json<T>();
    };

    const inboxes = await get<{ payload: { name: string }[] }>('/inboxes');
    expect(inboxes.payload.map((i) => i.name).sort()).toEqual(DEMO.inboxes.map((i) => i.name).sort());
    const labels = await get<{ payload: { title: string }[] }>('/labels');
    expect(labels.payload.map((l) => l.title).sort()).toEqual(DEMO.labels.map((l) => l.title).sort());
    const agents = await get<{ email: string }[]>('/agents');
    expect(agents).toHaveLength(DEMO.agents.length + 1);
    expect(await get<unknown[]>('/teams')).toHaveLength(DEMO.teams.length);
    expect(await get<unknown[]>('/canned_responses')).toHaveLength(DEMO.cannedResponses.length);

    const list = await get<{ data: { meta: { all_count: number }; payload: Conversation[] } }>('/conversations?status=all&assignee_type=all');
    expect(list.data.meta.all_count).toBe(DEMO.conversations.length);
    for (const story of DEMO.conversations) {
      const conversation = list.data.payload.find((c) => c.meta.sender.name === story.contact.name);
      expect(conversation, story.contact.name).toBeDefined();
      expect(conversation!.status).toBe(story.status);
      expect([...conversation!.labels].sort()).toEqual([...story.labels].sort());
      expect(conversation!.meta.assignee !== null).toBe(story.assignee !== undefined);
      const messages = await get<{ payload: { content: string; message_type: number; private: boolean }[] }>(`/conversations/${conversation!.id}/messages`);
      const written = messages.payload.filter((m) => m.message_type !== 2).map((m) => m.content.replace(/\[(@[^\]]+)\]\(mention:\/\/user\/\d+\/[^)]+\)/g, '$1'));
      expect(written).toEqual(story.messages.map((line) => line.text));
      if (story.messages.some((line) => line.from === 'note' && line.text.includes('@Rafael Souza'))) {
        const participants = await get<{ name: string }[]>(`/conversations/${conversation!.id}/participants`);
        expect(participants.map((p) => p.name)).toContain('Rafael Souza');
      }
    }
  }, 120_000); // the whole demo story is written through the services: slow on a busy machine
});
