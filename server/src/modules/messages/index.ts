import type { Module } from '../module';
import { messageRoutes } from './routes';

export const messagesModule: Module = { name: 'messages', routes: messageRoutes };
