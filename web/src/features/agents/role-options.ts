import type { TFunction } from 'i18next';
import type { AccountRole } from '../../lib/api-types';

export const ROLES: readonly AccountRole[] = ['agent', 'administrator'];

export const roleOptions = (t: TFunction) => ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
