import type { Module } from '../module';
import { healthRoutes } from './routes';

export const healthModule: Module = { name: 'health', routes: healthRoutes };
