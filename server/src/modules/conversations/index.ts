import type { Module } from '../module';
import { conversationRoutes } from './routes';
import { REOPEN_SNOOZED_JOB, reopenDueSnoozed } from './service';

export const conversationsModule: Module = {
  name: 'conversations',
  routes: conversationRoutes,
  jobs: (ctx) => [
    {
      name: REOPEN_SNOOZED_JOB,
      // Sent per snooze with its time; the cron sweep catches anything a lost job would miss.
      cron: '* * * * *',
      handle: async (data) => {
        await reopenDueSnoozed(ctx, typeof data.conversationId === 'number' ? data.conversationId : undefined);
      },
    },
  ],
};
