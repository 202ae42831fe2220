import type { Module } from '../module';
import { accountRoutes } from './routes';

export const accountsModule: Module = { name: 'accounts', routes: accountRoutes };
