/** Rate limits of the unauthenticated entry points: [hits, window in seconds]. */
export const LIMITS = {
  /** The hits are `SIGN_IN_LIMIT_PER_IP` (config), 30 by default. */
  signInPerIp: [30, 300],
  signInPerEmail: [10, 900],
  passwordResetPerIp: [10, 3600],
  passwordResetPerEmail: [5, 3600],
  signUpPerIp: [10, 3600],
} as const satisfies Record<string, readonly [number, number]>;

export const TOKEN_TTL_SECONDS = {
  reset_password: 2 * 3600,
  invitation: 7 * 24 * 3600,
  sso: 5 * 60,
  /** Between the password and the two-factor code of a sign-in. */
  mfa: 5 * 60,
  email_confirmation: 24 * 3600,
} as const;
