import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { chooseProtocol } from '../../platform/realtime/action-cable';
import { hubOf } from './service';

/** Client frames are small commands; anything bigger is not ActionCable. */
const MAX_FRAME_BYTES = 64 * 1024;

/**
 * Lets the app take websocket upgrades, on nodes running the `realtime` role. Registered before any
 * route: every upgrade request goes through the router, and any path but `/cable` is refused.
 */
export async function installCable(app: FastifyInstance, ctx: AppContext): Promise<void> {
  if (!hubOf(ctx)) return;
  await app.register(fastifyWebsocket, {
    options: { maxPayload: MAX_FRAME_BYTES, handleProtocols: chooseProtocol },
    // A client's broken or oversized frame ends its own socket; it is not the server's error.
    errorHandler: (error, socket) => {
      ctx.log.debug({ err: error }, 'realtime: socket error');
      socket.terminate();
    },
  });
}

/** `/cable`: ActionCable over a websocket. */
export function realtimeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const hub = hubOf(ctx);
  if (!hub || !app.hasDecorator('websocketServer')) return;
  app.get('/cable', { websocket: true, schema: { hide: true } }, (socket) => hub.accept(socket));
}
