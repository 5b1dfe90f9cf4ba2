// What the console API needs, injected: the same on Lambda, under `npm start` and in tests.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { InstitutionFigures } from '../shared/assessment/report.ts';
import type { OperatorAccess } from '../shared/operations/dead-letters.ts';
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
    /** The assessment counters (考核); absent: the assessment routes answer 404. */
    readonly assessment?: string;
  };
  readonly registry: Registry;
  readonly verifier: Verifier;
  /** Epoch milliseconds. */
  readonly now: () => number;
  /** Where the browser signs in: the local issuer's password endpoint, or the operator's OIDC provider. */
  readonly signIn:
    | { readonly mode: 'password'; readonly issuer: string }
    | {
        readonly mode: 'oidc';
        readonly issuer: string;
        readonly clientId: string;
        /** Scopes the browser asks for; they must bring the institution and role claims into the ID token. */
        readonly scope?: string;
      };
  /** The service's queues, for its operators' dead-letter page; without it that page answers 404. */
  readonly operations?: OperatorAccess;
  /** Where submitted messages go: the caller's own inbound queue. Absent: the console only reads. */
  readonly outbox?: Outbox;
  /** Renders the monthly assessment report as a PDF (needs Chromium: local mode only). */
  readonly reportPdf?: (figures: readonly InstitutionFigures[], month: string) => Promise<Uint8Array>;
  /** Local mode only: the local issuer and its users. */
  readonly local?: { readonly issuer: LocalIssuer; readonly users: UserStore };
}
