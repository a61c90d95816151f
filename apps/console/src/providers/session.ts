import type { LoginResponse, UserView } from '@cascade/contracts';

/**
 * Only a hint that a reload should ask for a new access token: the refresh token itself sits
 * in an httpOnly cookie no script can read, and the access token only in this page's memory.
 */
const SIGNED_IN = 'cascade.signedIn';

let accessToken: string | null = null;
let user: UserView | null = null;

/** The signed-in session, held in memory so no script injected into the page finds a token in storage. */
export const session = {
  accessToken: (): string | null => accessToken,
  user: (): UserView | null => user,
  /** Whether the user is signed in, or was before a reload and may still hold the refresh cookie. */
  active: (): boolean => accessToken !== null || localStorage.getItem(SIGNED_IN) !== null,
  save(login: LoginResponse): void {
    accessToken = login.accessToken;
    user = login.user;
    localStorage.setItem(SIGNED_IN, '1');
  },
  saveUser(next: UserView): void {
    user = next;
  },
  clear(): void {
    accessToken = null;
    user = null;
    localStorage.removeItem(SIGNED_IN);
  },
};
