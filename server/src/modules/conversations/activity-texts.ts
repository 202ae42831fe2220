import { mailLocale } from '../../platform/mail/layout';

/**
 * The activity lines written into a conversation's history, in the account's language. Parameters
 * are names and values already chosen by the service.
 */
const TEXTS = {
  pt_BR: {
    resolved: (p: { actor: string }) => `Conversa marcada como resolvida por ${p.actor}`,
    reopened: (p: { actor: string }) => `Conversa reaberta por ${p.actor}`,
    pending: (p: { actor: string }) => `Conversa marcada como pendente por ${p.actor}`,
    snoozed: (p: { actor: string }) => `Conversa suspensa por ${p.actor}`,
    snoozeEnded: () => 'Conversa reaberta: o período de suspensão terminou',
    assigned: (p: { actor: string; assignee: string }) => `Atribuída a ${p.assignee} por ${p.actor}`,
    selfAssigned: (p: { actor: string }) => `${p.actor} se atribuiu esta conversa`,
    unassigned: (p: { actor: string }) => `Conversa desatribuída por ${p.actor}`,
    teamAssigned: (p: { actor: string; team: string }) => `Atribuída à equipe ${p.team} por ${p.actor}`,
    teamRemoved: (p: { actor: string; team: string }) => `Removida da equipe ${p.team} por ${p.actor}`,
    autoAssigned: (p: { assignee: string }) => `Atribuída a ${p.assignee} pela atribuição automática`,
    autoResolved: (p: { duration: string }) => `Conversa resolvida automaticamente após ${p.duration} sem atividade`,
    prioritySet: (p: { actor: string; priority: string }) => `${p.actor} definiu a prioridade como ${p.priority}`,
    priorityRemoved: (p: { actor: string }) => `${p.actor} removeu a prioridade`,
    labelsAdded: (p: { actor: string; labels: string }) => `${p.actor} adicionou ${p.labels}`,
    labelsRemoved: (p: { actor: string; labels: string }) => `${p.actor} removeu ${p.labels}`,
    muted: (p: { actor: string }) => `${p.actor} silenciou a conversa`,
    unmuted: (p: { actor: string }) => `${p.actor} reativou as notificações da conversa`,
    priorities: { low: 'baixa', medium: 'média', high: 'alta', urgent: 'urgente' },
    durations: { minutes: 'minutos', hours: 'horas', days: 'dias', minute: 'minuto', hour: 'hora', day: 'dia' },
  },
  en: {
    resolved: (p: { actor: string }) => `Conversation was marked resolved by ${p.actor}`,
    reopened: (p: { actor: string }) => `Conversation was reopened by ${p.actor}`,
    pending: (p: { actor: string }) => `Conversation was marked as pending by ${p.actor}`,
    snoozed: (p: { actor: string }) => `Conversation was snoozed by ${p.actor}`,
    snoozeEnded: () => 'Conversation reopened: the snooze time is over',
    assigned: (p: { actor: string; assignee: string }) => `Assigned to ${p.assignee} by ${p.actor}`,
    selfAssigned: (p: { actor: string }) => `${p.actor} self-assigned this conversation`,
    unassigned: (p: { actor: string }) => `Conversation unassigned by ${p.actor}`,
    teamAssigned: (p: { actor: string; team: string }) => `Assigned to ${p.team} team by ${p.actor}`,
    teamRemoved: (p: { actor: string; team: string }) => `Removed from ${p.team} team by ${p.actor}`,
    autoAssigned: (p: { assignee: string }) => `Assigned to ${p.assignee} by auto-assignment`,
    autoResolved: (p: { duration: string }) => `Conversation was resolved automatically after ${p.duration} of inactivity`,
    prioritySet: (p: { actor: string; priority: string }) => `${p.actor} set the priority to ${p.priority}`,
    priorityRemoved: (p: { actor: string }) => `${p.actor} removed the priority`,
    labelsAdded: (p: { actor: string; labels: string }) => `${p.actor} added ${p.labels}`,
    labelsRemoved: (p: { actor: string; labels: string }) => `${p.actor} removed ${p.labels}`,
    muted: (p: { actor: string }) => `${p.actor} has muted the conversation`,
    unmuted: (p: { actor: string }) => `${p.actor} has unmuted the conversation`,
    priorities: { low: 'low', medium: 'medium', high: 'high', urgent: 'urgent' },
    durations: { minutes: 'minutes', hours: 'hours', days: 'days', minute: 'minute', hour: 'hour', day: 'day' },
  },
};

export type ActivityTexts = (typeof TEXTS)['en'];

export function activityTexts(accountLocale: string | null | undefined): ActivityTexts {
  return TEXTS[mailLocale(accountLocale)];
}

/** "#billing, #vip" */
export const labelList = (labels: string[]) => labels.map((l) => `#${l}`).join(', ');
