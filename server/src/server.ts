import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from './app';
import type { Config } from './config';
import { type AppContext, type ContextOptions, createContext } from './context';
import { modules } from './modules';
import { createLogger, type Logger } from './platform/logger';

export type RocketHub = { ctx: AppContext; app: FastifyInstance | undefined; close(): Promise<void> };

export type StartOptions = ContextOptions & BuildAppOptions & { log?: Logger; listen?: boolean };

/**
 * Builds and starts the roles this node runs: `web` (HTTP API and dashboard), `worker` (outbox
 * handlers and jobs). `realtime` arrives with the conversation core.
 */
export async function startRocketHub(config: Config, options: StartOptions = {}): Promise<RocketHub> {
  const log = options.log ?? createLogger(config.logLevel);
  const ctx = await createContext(config, log, options);
  let app: FastifyInstance | undefined;
  try {
    for (const module of modules) for (const handler of module.handlers?.(ctx) ?? []) ctx.outbox.subscribe(handler);
    if (config.roles.has('worker')) await ctx.outbox.start(options.outbox);
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
