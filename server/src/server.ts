import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from './app';
import type { Config } from './config';
import { type AppContext, type ContextOptions, createContext } from './context';
import { modules } from './modules';
import type { JobDefinition } from './modules/module';
import { createLogger, type Logger } from './platform/logger';

export type RocketHub = { ctx: AppContext; app: FastifyInstance | undefined; close(): Promise<void> };

export type StartOptions = ContextOptions & BuildAppOptions & { log?: Logger; listen?: boolean };

/**
 * Builds and starts the roles this node runs: `web` (HTTP API and dashboard), `worker` (outbox
 * handlers and jobs). `realtime` arrives with the conversation core.
 */
async function startJob(ctx: AppContext, job: JobDefinition): Promise<void> {
  await ctx.jobs.work(job.name, job.handle);
  if (job.cron) await ctx.jobs.schedule(job.name, job.cron);
}

export async function startRocketHub(config: Config, options: StartOptions = {}): Promise<RocketHub> {
  const log = options.log ?? createLogger(config.logLevel);
  const ctx = await createContext(config, log, options);
  let app: FastifyInstance | undefined;
  try {
    for (const module of modules) for (const handler of module.handlers?.(ctx) ?? []) ctx.outbox.subscribe(handler);
    const jobs = modules.flatMap((module) => module.jobs?.(ctx) ?? []);
    // Every node may send jobs, so every node makes sure the queues exist; workers run them.
    for (const job of jobs) await ctx.jobs.defineQueue(job.name, job.retry);
    if (config.roles.has('worker')) {
      await ctx.outbox.start(options.outbox);
      for (const job of jobs) await startJob(ctx, job);
    }
    if (config.roles.has('web') || config.roles.has('realtime')) {
      app = await buildApp(ctx, options);
      if (options.listen ?? true) await app.listen({ port: config.port, host: config.host });
      else await app.ready();
    }
  } catch (error) {
    await app?.close();
    await ctx.close();
    throw error;
  }
  return {
    ctx,
    app,
    async close() {
      await app?.close();
      await ctx.close();
    },
  };
}
