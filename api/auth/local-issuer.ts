// The local OpenID issuer of `npm start`: its own ES256 key pair (kept in the data folder, so
// tokens survive a restart), a discovery document, the public key set and a password token
// endpoint over the local users. The API verifies its tokens with the same code as on AWS.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import type { StoredUser } from './user-store.ts';

export const LOCAL_AUDIENCE = 'linkage-console';
export const TOKEN_SECONDS = 8 * 60 * 60;

export interface LocalIssuer {
  readonly issuer: string;
  readonly audience: string;
  readonly jwks: JSONWebKeySet;
  readonly keys: JWTVerifyGetKey;
  sign(user: Pick<StoredUser, 'username' | 'institutionId' | 'role'>, lifetimeSeconds?: number): Promise<string>;
}

interface KeyFile {
  readonly kid: string;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

/** Loads the key pair from `keyFile`, creating it on first use. */
export async function localIssuer(issuer: string, keyFile: string): Promise<LocalIssuer> {
  let stored: KeyFile;
  try {
    stored = JSON.parse(readFileSync(keyFile, 'utf8')) as KeyFile;
  } catch {
    const pair = await generateKeyPair('ES256', { extractable: true });
    const kid = randomUUID();
    stored = { kid, privateJwk: await exportJWK(pair.privateKey), publicJwk: await exportJWK(pair.publicKey) };
    mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
    writeFileSync(keyFile, JSON.stringify(stored), { mode: 0o600 });
  }
  const privateKey = (await importJWK(stored.privateJwk, 'ES256')) as CryptoKey;
  return issuerWith(issuer, stored.kid, privateKey, stored.publicJwk);
}

export function issuerKeyFileIn(dataDir: string): string {
  return join(dataDir, 'console-issuer-key.json');
}

export function issuerWith(issuer: string, kid: string, privateKey: CryptoKey, publicJwk: JWK): LocalIssuer {
  const jwks: JSONWebKeySet = { keys: [{ ...publicJwk, kid, alg: 'ES256', use: 'sig' }] };
  return {
    issuer,
    audience: LOCAL_AUDIENCE,
    jwks,
    keys: createLocalJWKSet(jwks),
    sign: (user, lifetimeSeconds = TOKEN_SECONDS) =>
      new SignJWT({ institution: user.institutionId, role: user.role, preferred_username: user.username })
        .setProtectedHeader({ alg: 'ES256', kid })
        .setIssuer(issuer)
        .setAudience(LOCAL_AUDIENCE)
        .setSubject(user.username)
        .setIssuedAt()
        .setExpirationTime(`${lifetimeSeconds}s`)
        .sign(privateKey),
  };
}
