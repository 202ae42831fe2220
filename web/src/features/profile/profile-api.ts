import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import type { UpdateProfileRequest, User } from '../../lib/api-types';
import { queryKeys } from '../../lib/query-keys';

export const fetchProfile = () => api.get<User>('/api/v1/profile');

export const useProfile = () => useQuery({ queryKey: queryKeys.profile, queryFn: fetchProfile });

export const updateProfile = (body: UpdateProfileRequest) => api.put<User>('/api/v1/profile', body);

export const resetAccessToken = () => api.post<User>('/api/v1/profile/reset_access_token');
