/** A password someone sets for themselves has at least this many characters… */
export const PASSWORD_MIN_LENGTH = 10;
/** …and at least this zxcvbn score (0–4): "safely unguessable" against an offline attack on a slow hash. */
export const PASSWORD_MIN_SCORE = 3;

/** What a one-time password link is for: an admin's reset (or a forgotten password), or an invitation. */
export const PASSWORD_LINK_PURPOSES = ['reset', 'invitation'] as const;
export type PasswordLinkPurpose = (typeof PASSWORD_LINK_PURPOSES)[number];

/** How long a link stays valid, by purpose. */
export const PASSWORD_LINK_LIFETIME_SECONDS: Record<PasswordLinkPurpose, number> = {
  reset: 60 * 60,
  invitation: 7 * 24 * 60 * 60,
};

/** Console path of the page a link opens; the token follows as `?token=`. */
export const SET_PASSWORD_PATH = '/set-password';

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface ForgotPasswordRequest {
  email: string;
}

export interface ResetPasswordRequest {
  token: string;
  newPassword: string;
}
