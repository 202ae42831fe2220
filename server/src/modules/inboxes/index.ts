import type { Module } from '../module';
import { inboxRoutes } from './routes';

export const inboxesModule: Module = { name: 'inboxes', routes: inboxRoutes };
