import type { Module } from '../module';
import { clientApiRoutes } from './routes';

export const clientApiModule: Module = { name: 'client-api', routes: clientApiRoutes };
