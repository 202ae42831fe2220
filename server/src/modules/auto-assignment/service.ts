import type { AppContext } from '../../context';
import * as conversations from '../conversations/service';
import { agentAvailabilities } from '../realtime/service';
import * as repository from './repository';
import type { Candidate } from './repository';

export type AssignOutcome = 'assigned' | 'not_needed' | 'nobody_free';

/**
 * The agent who takes the next conversation: among those online and under the inbox's capacity,
 * the one whose last auto-assigned conversation of this inbox is the oldest (never first) — a
 * round-robin that survives restarts and works across nodes. Ties go to the lower user id.
 */
export function chooseAgent(candidates: Candidate[], online: Set<number>, limit: number | null): number | undefined {
  const eligible = candidates.filter((c) => online.has(c.userId) && (limit === null || c.openCount < limit));
  eligible.sort((a, b) => {
    const at = a.lastAssignedAt?.getTime() ?? -Infinity;
    const bt = b.lastAssignedAt?.getTime() ?? -Infinity;
    return at !== bt ? at - bt : a.userId - b.userId;
  });
  return eligible[0]?.userId;
}

/**
 * Assigns an open, unassigned conversation of an inbox with auto-assignment on (otherwise does
 * nothing). The inbox row is locked first, then the conversation: two handlers or nodes deciding
 * for the same inbox run one after the other, so the open-conversation counts they compare with
 * the capacity are always current. A team with `allow_auto_assign` narrows the choice to its members.
 */
export async function autoAssign(ctx: AppContext, conversationId: number): Promise<AssignOutcome> {
  const started = performance.now();
  const outcome = await decide(ctx, conversationId);
  // Read by bench/auto-assignment.mjs (LOG_LEVEL=debug): the decision time per conversation.
  ctx.log.debug({ conversationId, outcome, decisionMs: performance.now() - started }, 'auto-assignment decision');
  return outcome;
}

async function decide(ctx: AppContext, conversationId: number): Promise<AssignOutcome> {
  const peek = await conversations.findRowById(ctx.db, conversationId);
  if (!peek || peek.status !== 'open' || peek.assigneeId !== null) return 'not_needed';
  return ctx.transaction(async (tx) => {
    const inbox = await repository.lockInbox(tx, peek.inboxId);
    if (!inbox?.enableAutoAssignment) return 'not_needed';
    const conversation = await conversations.lockById(tx, conversationId);
    if (!conversation || conversation.status !== 'open' || conversation.assigneeId !== null || conversation.inboxId !== inbox.id) return 'not_needed';
    const teamOnly = conversation.teamId !== null && (await repository.findTeamAutoAssign(tx, inbox.accountId, conversation.teamId)) === true;
    const candidates = await repository.listCandidates(tx, inbox, teamOnly ? conversation.teamId : null);
    if (candidates.length === 0) return 'nobody_free';
    const availability = await agentAvailabilities(ctx, inbox.accountId, candidates);
    const online = new Set(candidates.filter((c) => availability.get(c.userId) === 'online').map((c) => c.userId));
    const userId = chooseAgent(candidates, online, inbox.maxAssignmentLimit);
    if (userId === undefined) return 'nobody_free';
    await conversations.assignBySystem(ctx, tx, conversation, userId);
    await repository.markAssigned(tx, inbox.id, userId);
    return 'assigned';
  });
}

/**
 * The periodic pass: open conversations left without an agent (nobody was free, or auto-assignment
 * was just turned on) go to whoever is free now, oldest first, up to `perInbox` per inbox. An inbox
 * where nobody is free is skipped for the rest of the pass.
 */
export async function assignLeftovers(ctx: AppContext, perInbox = 100): Promise<number> {
  const full = new Set<number>();
  let assigned = 0;
  for (const { id, inboxId } of await repository.listLeftovers(ctx.db, perInbox)) {
    if (full.has(inboxId)) continue;
    const outcome = await autoAssign(ctx, id);
    if (outcome === 'assigned') assigned++;
    if (outcome === 'nobody_free') full.add(inboxId);
  }
  return assigned;
}

/** The outbox handler's entry: events name conversations by their display id. */
export async function autoAssignByDisplayId(ctx: AppContext, accountId: number, displayId: number): Promise<AssignOutcome> {
  const row = await conversations.findRowByDisplayId(ctx.db, accountId, displayId);
  return row ? autoAssign(ctx, row.id) : 'not_needed';
}

export const inboxAutoAssigns = repository.inboxAutoAssigns;
