import type { Module } from '../module';
import { searchRoutes } from './routes';

export const searchModule: Module = { name: 'search', routes: searchRoutes };
