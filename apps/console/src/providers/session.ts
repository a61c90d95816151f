import type { LoginResponse, UserView } from '@cascade/contracts';

const ACCESS_TOKEN = 'cascade.accessToken';
const REFRESH_TOKEN = 'cascade.refreshToken';
const USER = 'cascade.user';

/** Tokens and the signed-in user, kept in localStorage so a reload stays signed in. */
export const session = {
  accessToken: (): string | null => localStorage.getItem(ACCESS_TOKEN),
  refreshToken: (): string | null => localStorage.getItem(REFRESH_TOKEN),
  user(): UserView | null {
    const raw = localStorage.getItem(USER);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as UserView;
    } catch {
      return null;
    }
  },
  save(login: LoginResponse): void {
    localStorage.setItem(ACCESS_TOKEN, login.accessToken);
    localStorage.setItem(REFRESH_TOKEN, login.refreshToken);
    localStorage.setItem(USER, JSON.stringify(login.user));
  },
  saveUser(user: UserView): void {
    localStorage.setItem(USER, JSON.stringify(user));
  },
  clear(): void {
    localStorage.removeItem(ACCESS_TOKEN);
    localStorage.removeItem(REFRESH_TOKEN);
    localStorage.removeItem(USER);
  },
};
