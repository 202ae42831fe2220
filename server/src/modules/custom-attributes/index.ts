import type { Module } from '../module';
import { customAttributeRoutes } from './routes';

export const customAttributesModule: Module = { name: 'custom-attributes', routes: customAttributeRoutes };
