import type { Module } from '../module';
import { cannedResponseRoutes } from './routes';

export const cannedResponsesModule: Module = { name: 'canned-responses', routes: cannedResponseRoutes };
