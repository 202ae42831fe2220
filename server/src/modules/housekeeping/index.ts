import { purgeExpiredCredentials } from '../auth/service';
import type { Module } from '../module';

/** Clean-up that keeps tables from growing without bound, on worker nodes. */
export const housekeepingModule: Module = {
  name: 'housekeeping',
  jobs: (ctx) => [
    { name: 'housekeeping.purge-outbox', cron: '23 * * * *', handle: async () => void (await ctx.outbox.purge()) },
    { name: 'housekeeping.purge-credentials', cron: '41 3 * * *', handle: () => purgeExpiredCredentials(ctx) },
  ],
};
