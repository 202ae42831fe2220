import { api } from '../../lib/api-client';
import type {
  ForgotPasswordResponse,
  PasswordTokenInfo,
  ResetPasswordRequest,
  SignInRequest,
  SignOutResponse,
  UserEnvelope,
} from '../../lib/api-types';

export const signIn = (body: SignInRequest) => api.post<UserEnvelope>('/auth/sign_in', body);

export const signOut = () => api.delete<SignOutResponse>('/auth/sign_out');

export const requestPasswordReset = (email: string) => api.post<ForgotPasswordResponse>('/auth/password', { email });

export const fetchPasswordToken = (token: string) =>
  api.get<PasswordTokenInfo>(`/auth/password/token?${new URLSearchParams({ reset_password_token: token })}`);

export const resetPassword = (body: ResetPasswordRequest) => api.put<UserEnvelope>('/auth/password', body);
