// A console API over an in-process dynalite, with a test issuer (its own key pair), and
// tokens that are valid or broken in one chosen way.
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createConsoleApp } from '../../../api/app.ts';
import { issuerWith, type LocalIssuer } from '../../../api/auth/local-issuer.ts';
import { createVerifier } from '../../../api/auth/verifier.ts';
import type { Registry } from '../../../shared/resources/registry.ts';
import { testTableName } from '../../support/function-environment.ts';

export const ISSUER = 'https://idp.test/realms/courts';

export interface TestIssuer {
  readonly issuer: LocalIssuer;
  readonly kid: string;
  readonly privateKey: CryptoKey;
}

export async function testIssuer(url = ISSUER): Promise<TestIssuer> {
  const pair = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  return {
    issuer: issuerWith(url, kid, pair.privateKey, await exportJWK(pair.publicKey)),
    kid,
    privateKey: pair.privateKey,
  };
}

export function consoleApp(db: DynamoDBDocumentClient, registry: Registry, issuer: LocalIssuer) {
  return createConsoleApp({
    db,
    tables: {
      cases: testTableName('cases'),
      decisions: testTableName('decisions'),
      access: testTableName('access'),
      quarantine: testTableName('quarantine'),
    },
    registry,
    verifier: createVerifier({ issuer: issuer.issuer, audience: issuer.audience, keys: issuer.keys, registry }),
    now: Date.now,
    signIn: { mode: 'oidc', issuer: issuer.issuer, clientId: 'linkage-console' },
  });
}

/** A token with every claim right except what `change` alters. */
export async function token(
  signer: { kid: string; privateKey: CryptoKey },
  claims: { institution: string; role: string; sub?: string },
  change: { issuer?: string; audience?: string; expiresAt?: number } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ institution: claims.institution, role: claims.role })
    .setProtectedHeader({ alg: 'ES256', kid: signer.kid })
    .setIssuer(change.issuer ?? ISSUER)
    .setAudience(change.audience ?? 'linkage-console')
    .setSubject(claims.sub ?? 'tester')
    .setIssuedAt(now - 60)
    .setExpirationTime(change.expiresAt ?? now + 600)
    .sign(signer.privateKey);
}

export const bearer = (value: string) => ({ headers: { Authorization: `Bearer ${value}` } });
