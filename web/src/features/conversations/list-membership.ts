import type { Conversation, ListFilter, SortKey } from './conversation-types';

/**
 * Whether a conversation belongs in a list, judged from its own fields. `undefined` when the
 * client cannot tell (mentions and unattended depend on data the conversation does not carry):
 * such lists (and folders, whose conditions only the server evaluates) are refetched instead.
 */
export function belongsToList(conversation: Conversation, filter: ListFilter, userId: number): boolean | undefined {
  const { scope } = filter;
  if (scope.view === 'mentions' || scope.view === 'unattended' || scope.view === 'folder') return undefined;
  if (filter.status !== 'all' && conversation.status !== filter.status) return false;
  const assigneeId = conversation.meta.assignee?.id ?? null;
  if (filter.tab === 'me' && assigneeId !== userId) return false;
  if (filter.tab === 'unassigned' && assigneeId !== null) return false;
  if (scope.view === 'inbox' && conversation.inbox_id !== scope.inboxId) return false;
  if (scope.view === 'team' && conversation.meta.team?.id !== scope.teamId) return false;
  if (scope.view === 'label' && !conversation.labels.includes(scope.label)) return false;
  return true;
}

const PRIORITY_RANK = { low: 1, medium: 2, high: 3, urgent: 4 } as const;

/** Compares as the server's `sort_by` orders do (ties broken by id). */
export function compareConversations(sort: SortKey, a: Conversation, b: Conversation): number {
  const desc = sort.endsWith('_desc');
  const direction = desc ? -1 : 1;
  const byId = (a.id - b.id) * direction;
  const nullsLast = (x: number | null, y: number | null) => {
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return (x - y) * direction;
  };
  if (sort.startsWith('last_activity_at')) return ((a.last_activity_at ?? 0) - (b.last_activity_at ?? 0)) * direction || byId;
  if (sort.startsWith('created_at')) return ((a.created_at ?? 0) - (b.created_at ?? 0)) * direction || byId;
  if (sort.startsWith('waiting_since')) return nullsLast(a.waiting_since, b.waiting_since) || byId;
  const pa = a.priority ? PRIORITY_RANK[a.priority] : null;
  const pb = b.priority ? PRIORITY_RANK[b.priority] : null;
  // priority_desc puts no priority last, priority_asc first.
  if (pa !== pb) {
    if (pa === null) return desc ? 1 : -1;
    if (pb === null) return desc ? -1 : 1;
    return (pa - pb) * direction;
  }
  return ((a.last_activity_at ?? 0) - (b.last_activity_at ?? 0)) * direction || byId;
}

/**
 * Places a changed conversation in the loaded pages of a list: replaced where it was, moved to
 * its place in the order, added when it now belongs, removed when it no longer does. A
 * conversation that sorts after the last loaded one is left for the next page to bring.
 */
export function placeInPages(pages: Conversation[][], conversation: Conversation, belongs: boolean, sort: SortKey, complete: boolean): Conversation[][] {
  const flat = pages.flat().filter((c) => c.id !== conversation.id);
  const wasThere = flat.length !== pages.flat().length;
  if (belongs) {
    const index = flat.findIndex((c) => compareConversations(sort, conversation, c) < 0);
    if (index === -1) {
      if (complete || wasThere) flat.push(conversation);
    } else {
      flat.splice(index, 0, conversation);
    }
  }
  // Same page sizes as loaded, the last page taking the change in length.
  const out: Conversation[][] = [];
  let offset = 0;
  pages.forEach((page, i) => {
    const size = i === pages.length - 1 ? flat.length - offset : Math.min(page.length, flat.length - offset);
    out.push(flat.slice(offset, offset + Math.max(size, 0)));
    offset += Math.max(size, 0);
  });
  return out;
}
