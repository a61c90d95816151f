import type { ChangePasswordRequest, ResetPasswordRequest } from '@cascade/contracts';
import { httpClient } from './httpClient';

/** Who is not signed in gets the server's messages in the language the page shows. */
const inLanguage = (locale: string) => ({ 'Accept-Language': locale });

/** The password lifecycle: changing one's own, a forgotten one, a link's new one, an admin's reset. */
export const passwordApi = {
  async change(request: ChangePasswordRequest): Promise<void> {
    await httpClient('/auth/password', { method: 'POST', json: request });
  },

  async forgot(email: string, locale: string): Promise<void> {
    await httpClient('/auth/forgot-password', {
      method: 'POST',
      json: { email: email.trim() },
      authenticated: false,
      headers: inLanguage(locale),
    });
  },

  async reset(request: ResetPasswordRequest, locale: string): Promise<void> {
    await httpClient('/auth/reset-password', {
      method: 'POST',
      json: request,
      authenticated: false,
      headers: inLanguage(locale),
    });
  },

  async sendResetLink(userId: string): Promise<void> {
    await httpClient(`/users/${encodeURIComponent(userId)}/password-reset`, { method: 'POST' });
  },
};
