import type { Module } from '../module';
import { contactRoutes } from './routes';

export const contactsModule: Module = { name: 'contacts', routes: contactRoutes };
