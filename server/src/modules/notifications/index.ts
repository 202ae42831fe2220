import type { Module } from '../module';
import { ENGINE_EVENTS, engineWants, handleEngineEvent, prepareEngineWants } from './engine';
import { notificationRoutes, subscriptionRoutes } from './routes';
import { deliverPush } from './push';
import { EMAIL_JOB, PUSH_REQUESTED, purgeOld, sendBatchedEmail, sendStaleEmails, unsnoozeDue } from './service';

const num = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined);

export const notificationsModule: Module = {
  name: 'notifications',
  routes: (app, ctx) => {
    notificationRoutes(app, ctx);
    subscriptionRoutes(app, ctx);
  },
  handlers: (ctx) => [
    {
      name: 'notifications.engine',
      events: ENGINE_EVENTS,
      wants: (event, db, memo) => engineWants(event, db, memo),
      prepare: (events, db, memo) => prepareEngineWants(events, db, memo),
      batched: true,
      handle: (event) => handleEngineEvent(ctx, event),
    },
    {
      name: 'notifications.web-push',
      events: [PUSH_REQUESTED],
      // Quick first retries, then doubling up to ten minutes: about an hour before giving up.
      retry: { retryLimit: 10, retryDelaySeconds: 2, retryBackoff: true, retryDelayMaxSeconds: 600, heartbeatSeconds: 30 },
      handle: (event) => deliverPush(ctx, event),
    },
  ],
  jobs: (ctx) => [
    {
      name: EMAIL_JOB,
      // Each job claims its own (user, conversation) pending notifications: several may run at once.
      concurrency: 4,
      handle: async (data) => {
        const userId = num(data.userId);
        const conversationId = num(data.conversationId);
        if (userId !== undefined && conversationId !== undefined) await sendBatchedEmail(ctx, userId, conversationId);
      },
    },
    { name: 'notifications.email-sweep', cron: '*/10 * * * *', handle: () => sendStaleEmails(ctx) },
    { name: 'notifications.unsnooze', cron: '* * * * *', handle: async () => void (await unsnoozeDue(ctx)) },
    { name: 'notifications.purge', cron: '17 4 * * *', handle: async () => void (await purgeOld(ctx)) },
  ],
};
