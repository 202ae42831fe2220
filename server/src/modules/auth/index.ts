import type { Module } from '../module';
import { authRoutes } from './routes';

export const authModule: Module = { name: 'auth', routes: authRoutes };
