import type { Module } from '../module';
import { devMailboxRoutes } from './routes';

export const devMailboxModule: Module = { name: 'dev-mailbox', routes: devMailboxRoutes };
