import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import type { EventHandler } from '../platform/outbox/types';

/** What a domain module plugs into the app: HTTP routes and outbox event handlers. */
export type Module = {
  name: string;
  routes?(app: FastifyInstance, ctx: AppContext): void;
  handlers?(ctx: AppContext): EventHandler[];
};
