// What the console API needs, injected: the same on Lambda, under `npm start` and in tests.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Registry } from '../shared/resources/registry.ts';
import type { LocalIssuer } from './auth/local-issuer.ts';
import type { UserStore } from './auth/user-store.ts';
import type { Verifier } from './auth/verifier.ts';
import type { Outbox } from './write/outbox.ts';

export interface ConsoleDependencies {
  readonly db: DynamoDBDocumentClient;
  readonly tables: {
    readonly cases: string;
    readonly decisions: string;
    readonly access: string;
    readonly quarantine: string;
  };
  readonly registry: Registry;
  readonly verifier: Verifier;
  /** Epoch milliseconds. */
  readonly now: () => number;
  /** Where the browser signs in: the local issuer's password endpoint, or the operator's OIDC provider. */
  readonly signIn:
    | { readonly mode: 'password'; readonly issuer: string }
    | { readonly mode: 'oidc'; readonly issuer: string; readonly clientId: string };
  /** Where submitted messages go: the caller's own inbound queue. Absent: the console only reads. */
  readonly outbox?: Outbox;
  /** Local mode only: the local issuer and its users. */
  readonly local?: { readonly issuer: LocalIssuer; readonly users: UserStore };
}
