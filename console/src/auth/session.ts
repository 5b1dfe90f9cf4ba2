// The token lives in sessionStorage: gone when the tab closes, never in a cookie the API would trust.
const KEY = 'linkage.token';

/** Where an OpenID Connect provider sends the browser back (registered as the client's redirect URI). */
export const CALLBACK_PATH = '/sign-in/callback';

export function readToken(): string | null {
  return sessionStorage.getItem(KEY);
}
export function saveToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}
export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
