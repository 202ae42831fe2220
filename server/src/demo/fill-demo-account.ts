import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { ensureAccessToken } from '../modules/auth/service';
import { DEMO } from './demo-data';

/**
 * Fills an account with a living pt-BR inbox: inboxes, agents, teams, labels, canned responses,
 * contacts and conversations with their messages. Every write goes through the HTTP API in process
 * (routes → services → outbox) as the account's administrator, so the data is valid by
 * construction. Returns how many conversations it made.
 */
export async function fillDemoAccount(ctx: AppContext, app: FastifyInstance, account: { accountId: number; userId: number }): Promise<number> {
  const token = await ensureAccessToken(ctx.db, 'user', account.userId);
  const call = caller(app, token, account.accountId);
  const inboxIds: Record<string, number> = {};
  for (const inbox of DEMO.inboxes) {
    const created = await call<{ id: number }>('POST', '/inboxes', { name: inbox.name, channel: inbox.channel });
    inboxIds[inbox.key] = created.id;
  }
  const agentIds: Record<string, number> = { admin: account.userId };
  for (const agent of DEMO.agents) {
    const created = await call<{ id: number }>('POST', '/agents', { name: agent.name, email: agent.email, role: agent.role });
    agentIds[agent.key] = created.id;
  }
  const everyone = Object.values(agentIds);
  for (const inboxId of Object.values(inboxIds)) await call('POST', '/inbox_members', { inbox_id: inboxId, user_ids: everyone });
  const teamIds: Record<string, number> = {};
  for (const team of DEMO.teams) {
    const created = await call<{ id: number }>('POST', '/teams', { name: team.name, description: team.description });
    teamIds[team.key] = created.id;
    await call('POST', `/teams/${created.id}/team_members`, { user_ids: team.members.map((m) => agentIds[m]!) });
  }
  for (const label of DEMO.labels) await call('POST', '/labels', { ...label, show_on_sidebar: true });
  for (const canned of DEMO.cannedResponses) await call('POST', '/canned_responses', canned);

  let conversations = 0;
  for (const story of DEMO.conversations) {
    const { payload } = await call<{ payload: { contact: { id: number } } }>('POST', '/contacts', { ...story.contact, inbox_id: inboxIds[story.inbox] });
    const conversation = await call<{ id: number }>('POST', '/conversations', { inbox_id: inboxIds[story.inbox], contact_id: payload.contact.id });
    const path = `/conversations/${conversation.id}`;
    for (const line of story.messages) {
      if (line.from === 'customer') await call('POST', `${path}/messages`, { content: line.text, message_type: 'incoming' });
      else if (line.from === 'note') await call('POST', `${path}/messages`, { content: withMentions(line.text, agentIds), private: true });
      else await call('POST', `${path}/messages`, { content: line.text });
    }
    if (story.assignee) await call('POST', `${path}/assignments`, { assignee_id: agentIds[story.assignee] });
    if (story.team) await call('POST', `${path}/assignments`, { team_id: teamIds[story.team] });
    if (story.labels.length > 0) await call('POST', `${path}/labels`, { labels: story.labels });
    if (story.priority) await call('POST', `${path}/toggle_priority`, { priority: story.priority });
    if (story.status !== 'open') await call('POST', `${path}/toggle_status`, { status: story.status });
    conversations += 1;
  }
  return conversations;
}

/** "@Rafael Souza" in a note becomes a real mention of that agent (notified, made a participant). */
function withMentions(text: string, agentIds: Record<string, number>): string {
  return DEMO.agents.reduce(
    (out, agent) => out.split(`@${agent.name}`).join(`[@${agent.name}](mention://user/${agentIds[agent.key]}/${encodeURIComponent(agent.name)})`),
    text,
  );
}

function caller(app: FastifyInstance, token: string, accountId: number) {
  return async <T = unknown>(method: 'POST' | 'GET', path: string, body?: unknown): Promise<T> => {
    const response = await app.inject({ method, url: `/api/v1/accounts/${accountId}${path}`, headers: { api_access_token: token }, payload: body as object });
    if (response.statusCode >= 300) throw new Error(`seed-demo: ${method} ${path} answered ${response.statusCode}: ${response.body}`);
    return response.json<T>();
  };
}
