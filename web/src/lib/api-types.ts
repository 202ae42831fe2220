/**
 * Request and response shapes of the RocketHub server API used by the dashboard.
 * Kept in one file so they can be swapped for the shared zod schemas of `packages/shared`.
 */

export type AccountRole = 'administrator' | 'agent';
export type Availability = 'online' | 'busy' | 'offline';

export type FieldError = { field: string; message: string; code: string };

/** Body of every 4xx/5xx response. */
export type ErrorBody = { code: string; message: string; description: string; errors: FieldError[] };

export type Installation = {
  needs_onboarding: boolean;
  signup_enabled: boolean;
  version: string;
  dev_mailbox: boolean;
};

export type UserAccount = {
  id: number;
  name: string;
  status: string;
  role: AccountRole;
  permissions?: string[];
  availability: Availability;
  availability_status: Availability;
  auto_offline: boolean;
  active_at: string | null;
};

export type User = {
  id: number;
  name: string;
  display_name: string | null;
  available_name: string;
  email: string;
  avatar_url: string | null;
  access_token: string;
  /** The user's default account. */
  account_id: number | null;
  pubsub_token: string;
  role: AccountRole;
  confirmed: boolean;
  ui_settings: Record<string, unknown>;
  message_signature: string | null;
  type: string;
  accounts: UserAccount[];
};

export type UserEnvelope = { data: User };

export type CreateAccountRequest = {
  account_name: string;
  user_full_name: string;
  email: string;
  password: string;
  locale: 'pt_BR' | 'en';
  /** Fill the new account with the demo story (inboxes, agents, labels, conversations). */
  with_demo_data?: boolean;
};

export type SignInRequest = { email: string; password: string } | { email: string; sso_auth_token: string };

export type SignOutResponse = { success: true };

export type ForgotPasswordResponse = { success: true; message: string };

export type PasswordTokenPurpose = 'reset_password' | 'invitation';

export type PasswordTokenInfo = { purpose: PasswordTokenPurpose; email: string; name: string };

export type ResetPasswordRequest = {
  reset_password_token: string;
  password: string;
  password_confirmation: string;
};

export type UpdateProfileRequest = {
  profile:
    | { name: string; display_name: string }
    | { current_password: string; password: string; password_confirmation: string }
    | { availability: Availability; account_id: number }
    | { account_id: number };
};

export type Agent = {
  id: number;
  account_id: number;
  name: string;
  available_name: string;
  email: string;
  role: AccountRole;
  confirmed: boolean;
  availability_status: Availability;
  auto_offline: boolean;
  thumbnail: string | null;
};

export type InviteAgentRequest = { name: string; email: string; role: AccountRole };

export type DevMailboxMessage = {
  id: number | string;
  to: string;
  from: string;
  subject: string;
  text: string | null;
  html: string | null;
  created_at: string;
};

export type DevMailbox = { enabled: boolean; payload: DevMailboxMessage[] };
