import { api } from '../../lib/api-client';
import type {
  ForgotPasswordResponse,
  PasswordTokenInfo,
  ResetPasswordRequest,
  SignInRequest,
  SignOutResponse,
  UserEnvelope,
} from '../../lib/api-types';

/** The password step answers the user, or — with two-factor on — a token for the code step. */
export type SignInAnswer = UserEnvelope | { mfa_required: true; mfa_token: string };

export const signIn = (body: SignInRequest) => api.post<SignInAnswer>('/auth/sign_in', body);

export const signInWithCode = (body: { mfa_token: string; otp_code?: string; backup_code?: string }) => api.post<UserEnvelope>('/auth/sign_in', body);

export const signOut = () => api.delete<SignOutResponse>('/auth/sign_out');

export const requestPasswordReset = (email: string) => api.post<ForgotPasswordResponse>('/auth/password', { email });

export const fetchPasswordToken = (token: string) =>
  api.get<PasswordTokenInfo>(`/auth/password/token?${new URLSearchParams({ reset_password_token: token })}`);

export const resetPassword = (body: ResetPasswordRequest) => api.put<UserEnvelope>('/auth/password', body);
