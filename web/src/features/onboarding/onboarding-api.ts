import { api } from '../../lib/api-client';
import type { CreateAccountRequest, UserEnvelope } from '../../lib/api-types';

export const createAccount = (body: CreateAccountRequest) => api.post<UserEnvelope>('/api/v1/accounts', body);
