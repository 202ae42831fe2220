import type { Module } from '../module';
import { attachmentRoutes } from './routes';
import { objectRemovalHandler } from './service';

export const attachmentsModule: Module = {
  name: 'attachments',
  routes: attachmentRoutes,
  handlers: (ctx) => [objectRemovalHandler(ctx)],
};
