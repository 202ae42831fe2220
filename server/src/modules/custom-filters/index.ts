import type { Module } from '../module';
import { customFilterRoutes } from './routes';

export const customFiltersModule: Module = { name: 'custom-filters', routes: customFilterRoutes };
