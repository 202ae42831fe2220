import type { Module } from '../module';
import { profileRoutes } from './routes';

export const profileModule: Module = { name: 'profile', routes: profileRoutes };
