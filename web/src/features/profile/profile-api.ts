import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, postForm } from '../../lib/api-client';
import type { User } from '../../lib/api-types';
import { queryKeys } from '../../lib/query-keys';

/** The profile as the page reads it: the shared `User` plus what only this page shows. */
export type ProfileUser = User & { unconfirmed_email?: string | null; thumbnail?: string; locale?: string | null };

/** Any subset of what `PUT /api/v1/profile` takes. */
export type ProfileUpdate = {
  name?: string;
  display_name?: string;
  email?: string;
  current_password?: string;
  password?: string;
  password_confirmation?: string;
  message_signature?: string;
  ui_settings?: Record<string, unknown>;
  locale?: string | null;
  availability?: string;
  account_id?: number;
};

export const fetchProfile = () => api.get<User>('/api/v1/profile');

export const useProfile = () => useQuery({ queryKey: queryKeys.profile, queryFn: fetchProfile });

export const updateProfile = (body: { profile: ProfileUpdate }) => api.put<User>('/api/v1/profile', body);

export const resetAccessToken = () => api.post<User>('/api/v1/profile/reset_access_token');

export function uploadAvatar(image: Blob): Promise<User> {
  const form = new FormData();
  form.append('avatar', image, 'avatar.png');
  return postForm<User>('/api/v1/profile/avatar', form);
}

export const removeAvatar = () => api.delete<User>('/api/v1/profile/avatar');

/** Saves part of the profile and puts the answer in the cache, so every screen sees it at once. */
export function useSaveProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (profile: ProfileUpdate) => updateProfile({ profile }),
    onSuccess: (user) => client.setQueryData(queryKeys.profile, user),
  });
}

export type TwoFactorStatus = { enabled: boolean; backup_codes_remaining: number };
export type TwoFactorSetup = { secret: string; provisioning_url: string; qr_code_url: string };

export const fetchTwoFactor = () => api.get<TwoFactorStatus>('/api/v1/profile/mfa');
export const startTwoFactor = (currentPassword: string) => api.post<TwoFactorSetup>('/api/v1/profile/mfa', { current_password: currentPassword });
export const confirmTwoFactor = (otpCode: string) => api.post<{ enabled: true; backup_codes: string[] }>('/api/v1/profile/mfa/verify', { otp_code: otpCode });
export const disableTwoFactor = (currentPassword: string, otpCode: string) =>
  api.delete<TwoFactorStatus>('/api/v1/profile/mfa', { current_password: currentPassword, otp_code: otpCode });

export const fetchVapidKey = () => api.get<{ vapid_public_key: string }>('/api/v1/notification_subscriptions/vapid_public_key');
export const saveSubscription = (attributes: { endpoint: string; p256dh: string; auth: string }) =>
  api.post<unknown>('/api/v1/notification_subscriptions', { subscription_type: 'browser_push', subscription_attributes: attributes });
export const deleteSubscription = (endpoint: string) => api.delete<unknown>('/api/v1/notification_subscriptions', { endpoint });
