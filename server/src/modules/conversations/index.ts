import type { Module } from '../module';
import { conversationRoutes } from './routes';
import { foldTabCounts } from './counts-repository';
import { REOPEN_SNOOZED_JOB, reopenDueSnoozed } from './service';

export const FOLD_COUNTS_JOB = 'conversations.fold-counts';

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
    {
      name: FOLD_COUNTS_JOB,
      // The tabs' totals gain a row per change; folding keeps them a few rows per key.
      cron: '* * * * *',
      handle: async () => void (await foldTabCounts(ctx.db)),
    },
  ],
};
