import type { Module } from '../module';
import { realtimeRoutes } from './routes';

export const realtimeModule: Module = { name: 'realtime', routes: realtimeRoutes };
