import type { Module } from '../module';
import { profileRoutes } from './routes';
import { twoFactorRoutes } from './two-factor-routes';

export const profileModule: Module = {
  name: 'profile',
  routes: (app, ctx) => {
    profileRoutes(app, ctx);
    twoFactorRoutes(app, ctx);
  },
};
