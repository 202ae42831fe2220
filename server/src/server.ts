import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from './app';
import type { Config } from './config';
import { type AppContext, type ContextOptions, createContext } from './context';
import { modules } from './modules';
import { attachmentPresenter } from './modules/attachments/service';
import { useAttachmentPresenter } from './modules/messages/service';
import { type Realtime, startRealtime } from './modules/realtime/service';
import type { JobDefinition } from './modules/module';
import { createLogger, type Logger } from './platform/logger';

export type RocketHub = { ctx: AppContext; app: FastifyInstance | undefined; close(): Promise<void> };

export type StartOptions = ContextOptions & BuildAppOptions & { log?: Logger; listen?: boolean };

async function startJob(ctx: AppContext, job: JobDefinition): Promise<void> {
  await ctx.jobs.work(job.name, job.handle, job.concurrency ? { concurrency: job.concurrency } : {});
  if (job.cron) await ctx.jobs.schedule(job.name, job.cron);
}

/**
 * Builds and starts the roles this node runs: `web` (HTTP API and dashboard), `realtime` (`/cable`),
 * `worker` (outbox handlers and jobs). Every node pushes the live events it commits.
 */
export async function startRocketHub(config: Config, options: StartOptions = {}): Promise<RocketHub> {
  const log = options.log ?? createLogger(config.logLevel);
  const ctx = await createContext(config, log, options);
  let app: FastifyInstance | undefined;
  let realtime: Realtime | undefined;
  try {
    // Messages show their attachments with this installation's signed links (webhook payloads too).
    useAttachmentPresenter(attachmentPresenter(ctx));
    for (const module of modules) for (const handler of module.handlers?.(ctx) ?? []) ctx.outbox.subscribe(handler);
    realtime = startRealtime(ctx);
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
    await realtime?.stop();
    await ctx.close();
    throw error;
  }
  return {
    ctx,
    app,
    async close() {
      await app?.close();
      await realtime?.stop();
      await ctx.close();
    },
  };
}
