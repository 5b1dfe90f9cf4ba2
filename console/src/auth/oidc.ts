// Sign-in through the operator's OpenID Connect provider: authorization code with PKCE. The
// browser goes to the provider, returns to /sign-in/callback with a code and exchanges it for
// tokens. The API is sent the ID token, whose audience is this client on every provider (an
// access token's audience differs between providers, and Cognito's has none).
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { CALLBACK_PATH } from './session.ts';

export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
}

function manager(settings: OidcSettings): UserManager {
  return new UserManager({
    authority: settings.issuer,
    client_id: settings.clientId,
    redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
    response_type: 'code',
    scope: settings.scope,
    loadUserInfo: false,
    // The provider's session stays in the tab, like the token itself.
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

export function startOidcSignIn(settings: OidcSettings): Promise<void> {
  return manager(settings).signinRedirect();
}

/** Completes the redirect back from the provider; returns the ID token for the API. */
export async function completeOidcSignIn(settings: OidcSettings): Promise<string> {
  const user = await manager(settings).signinRedirectCallback();
  if (!user.id_token) throw new Error('the identity provider returned no ID token');
  return user.id_token;
}
