import type { Module } from '../module';
import { agentRoutes } from './routes';

export const agentsModule: Module = { name: 'agents', routes: agentRoutes };
