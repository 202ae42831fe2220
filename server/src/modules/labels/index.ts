import type { Module } from '../module';
import { labelRoutes } from './routes';

export const labelsModule: Module = { name: 'labels', routes: labelRoutes };
