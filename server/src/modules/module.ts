import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import type { JobHandler, RetryPolicy } from '../platform/jobs/jobs';
import type { EventHandler } from '../platform/outbox/types';

/** Background work a module runs on worker nodes: sent by its services, or on a `cron` schedule. */
export type JobDefinition = {
  /** Queue name, e.g. `conversations.reopen-snoozed`. */
  name: string;
  handle: JobHandler<Record<string, unknown>>;
  /** Five-field cron (UTC): the job is also sent on this schedule, once across all nodes. */
  cron?: string;
  retry?: RetryPolicy;
  /** How many of its jobs a worker process runs at once (default one). */
  concurrency?: number;
};

/** What a domain module plugs into the app: HTTP routes, outbox event handlers and jobs. */
export type Module = {
  name: string;
  routes?(app: FastifyInstance, ctx: AppContext): void;
  handlers?(ctx: AppContext): EventHandler[];
  jobs?(ctx: AppContext): JobDefinition[];
};
