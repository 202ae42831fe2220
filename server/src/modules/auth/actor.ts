import type { SessionRow } from './repository';
import type { UserRow } from '../users/repository';

/** Who is making a request. */
export type UserActor = { kind: 'user'; user: UserRow; via: 'session'; session: SessionRow } | { kind: 'user'; user: UserRow; via: 'token' };
export type PlatformAppActor = { kind: 'platform_app'; platformAppId: number };
export type Actor = UserActor | PlatformAppActor;
