import type { LoginResponse } from '@cascade/contracts';
import type { AuthProvider } from 'react-admin';
import { canAccess, forgetAbilities, freshAbilities, loadAbilities } from './abilities';
import { CLIENT_HEADERS, httpClient, restoreSession } from './httpClient';
import { session } from './session';

export interface Credentials {
  email: string;
  password: string;
}

export const authProvider: AuthProvider = {
  async login({ email, password }: Credentials) {
    // Errors are thrown as HttpError whose message is the server's problem detail.
    const { json } = await httpClient<LoginResponse>('/auth/login', {
      method: 'POST',
      json: { email: email.trim(), password },
      authenticated: false,
    });
    session.save(json);
    await loadAbilities();
  },

  async logout() {
    const wasActive = session.active();
    session.clear();
    forgetAbilities();
    if (wasActive) {
      // Ends the session on the server (its access tokens too) and clears the cookie. Best
      // effort: the local session is gone either way.
      await httpClient('/auth/logout', {
        method: 'POST',
        credentials: 'same-origin',
        headers: CLIENT_HEADERS,
        authenticated: false,
      }).catch(() => undefined);
    }
  },

  async checkAuth() {
    if (!session.active()) throw new Error('ra.auth.auth_check_error');
    await restoreSession();
  },

  // The http client already tried a refresh, so a 401 here means the session is over.
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      session.clear();
      throw new Error('ra.notification.logged_out');
    }
  },

  async getIdentity() {
    await restoreSession();
    const user = session.user();
    if (!user) throw new Error('ra.auth.auth_check_error');
    // Roles as they apply now: a client user's trainer role follows their qualifications.
    return { id: user.id, fullName: user.name, email: user.email, roles: user.effectiveRoles ?? user.roles };
  },

  async getPermissions() {
    await restoreSession().catch(() => undefined);
    const user = session.user();
    return user?.effectiveRoles ?? user?.roles ?? [];
  },

  async canAccess({ resource, action }) {
    if (session.active()) await freshAbilities();
    return canAccess(resource, action);
  },
};
