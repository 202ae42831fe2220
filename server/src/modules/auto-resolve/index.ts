import type { Module } from '../module';
import { AUTO_RESOLVE_JOB, resolveInactive } from './service';

/** Auto-resolve of inactive conversations (account setting `auto_resolve_after`), every five minutes. */
export const autoResolveModule: Module = {
  name: 'auto-resolve',
  jobs: (ctx) => [{ name: AUTO_RESOLVE_JOB, cron: '*/5 * * * *', handle: async () => void (await resolveInactive(ctx)) }],
};
