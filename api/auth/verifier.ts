// Verifies an OpenID Connect token (signature against the issuer's key set, issuer, audience,
// expiry) and turns it into a principal. The same code runs on Lambda against the operator's
// identity provider and locally against the local issuer.
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Registry } from '../../shared/resources/registry.ts';
import { DEFAULT_CLAIMS, principalOf, type ClaimNames, type SignedIn } from './principal.ts';

export interface VerifierSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly keys: JWTVerifyGetKey;
  readonly registry: Registry;
  readonly claims?: ClaimNames;
  /** Seconds of clock skew tolerated on exp/nbf (default 30). */
  readonly clockToleranceSeconds?: number;
}

export type Verification = { ok: true; principal: SignedIn } | { ok: false; reason: string };
export type Verifier = (token: string) => Promise<Verification>;

export function createVerifier(settings: VerifierSettings): Verifier {
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, settings.keys, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: ['ES256', 'RS256', 'PS256', 'EdDSA'],
        requiredClaims: ['exp', 'sub'],
        clockTolerance: settings.clockToleranceSeconds ?? 30,
      });
      const principal = principalOf(payload, settings.registry, settings.claims ?? DEFAULT_CLAIMS);
      return typeof principal === 'string' ? { ok: false, reason: principal } : { ok: true, principal };
    } catch (error) {
      return { ok: false, reason: describe(error) };
    }
  };
}

/** The issuer's published key set, fetched and cached by jose. */
export function remoteKeys(jwksUri: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUri));
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `token ${error.claim} claim rejected`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature invalid';
  if (error instanceof errors.JOSEError) return `token rejected (${error.code})`;
  return 'token rejected';
}
