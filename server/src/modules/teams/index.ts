import type { Module } from '../module';
import { teamRoutes } from './routes';

export const teamsModule: Module = { name: 'teams', routes: teamRoutes };
