import type { Module } from '../module';
import { dashboardAppRoutes } from './routes';

export const dashboardAppsModule: Module = { name: 'dashboard-apps', routes: dashboardAppRoutes };
