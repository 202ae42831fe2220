import type { Module } from '../module';
import { platformRoutes } from './routes';

export const platformApiModule: Module = { name: 'platform-api', routes: platformRoutes };
