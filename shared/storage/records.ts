// What the cases table holds, as zod schemas: items are read back through them, so a
// stored body is again a contract body and a malformed item fails loudly, not silently.
import * as z from 'zod/mini';
import { DECISIONS } from '../contract/reason-codes.ts';
import { enforcementStatusBody } from '../contract/enforcement-status.ts';
import { applicationBasis, applicationKind, reductionDossierBody } from '../contract/reduction-dossier.ts';
import { rulingBody } from '../contract/ruling.ts';
import { verificationRequestBody } from '../contract/verification-request.ts';

/** Who sent a message and under which id: lets a retry recognise its own earlier write. */
const provenance = {
  senderId: z.string(),
  messageId: z.string(),
  receivedAt: z.string(),
};

/** sk S#<judgmentId>#<itemNo>: the newest status of one item. */
export const storedStatus = z.object({
  pk: z.string(),
  sk: z.string(),
  body: enforcementStatusBody,
  version: z.number(),
  sentAt: z.string(),
  ...provenance,
});
export type StoredStatus = z.infer<typeof storedStatus>;

/** A ruling as kept on its application (map `rulings`, keyed by rulingRef). */
export const storedRuling = z.object({
  body: rulingBody,
  ...provenance,
});
export type StoredRuling = z.infer<typeof storedRuling>;

/** The dossier's summary an application item carries for the console's list indexes. */
export const applicationListing = z.object({
  kind: applicationKind,
  basis: applicationBasis,
  prisonerNo: z.string(),
  name: z.string(),
  personId: z.string(),
  dossierVersion: z.number(),
});
export type ApplicationListing = z.infer<typeof applicationListing>;

/** sk A#<applicationId>: the newest dossier, its rulings, and the evaluation state. */
export const storedApplication = z.object({
  pk: z.string(),
  sk: z.string(),
  applicationId: z.string(),
  dossier: reductionDossierBody,
  dossierVersion: z.number(),
  /** The prison that sent the dossier: it gets a copy of every flag. */
  prisonId: z.string(),
  /** Console list index keys and row (written with the dossier; absent on items stored before). */
  hearingCourtId: z.optional(z.string()),
  listing: z.optional(applicationListing),
  firstSubmittedUtc: z.optional(z.string()),
  /** submittedAt of the first version the service stored: the Art 5 seven days run from here. */
  firstSubmittedAt: z.string(),
  rulings: z._default(z.record(z.string(), storedRuling), {}),
  ...provenance,
  /** Newest revision recorded in the decisions table, its fingerprint and decision. */
  revision: z.optional(z.number()),
  fingerprint: z.optional(z.string()),
  decision: z.optional(z.enum(DECISIONS)),
  /** Newest revision delivered to every recipient; below `revision` after a crash. */
  sentRevision: z.optional(z.number()),
  evaluatedAt: z.optional(z.string()),
  closed: z.optional(z.boolean()),
  /** byDeadline index: when the decision could change with no new message (UTC instant). */
  nextCheckAt: z.optional(z.string()),
  dueShard: z.optional(z.string()),
});
export type StoredApplication = z.infer<typeof storedApplication>;

/** sk V#<requestId>: a verification request (核实函), stored before it is sent. */
export const storedRequest = z.object({
  pk: z.string(),
  sk: z.string(),
  body: verificationRequestBody,
  enforcingCourtId: z.string(),
  messageId: z.string(),
  sent: z.boolean(),
  /** Set instead of sending, when a ruling made the question moot before it went out. */
  withdrawnAt: z.optional(z.string()),
  /** When the first status answering it was received (set once, by the assessment figures). */
  answeredAt: z.optional(z.string()),
  /** Console list index keys: dueBy as a UTC instant, and the application's prison. */
  dueAt: z.optional(z.string()),
  prisonId: z.optional(z.string()),
});
export type StoredRequest = z.infer<typeof storedRequest>;

/** pk APP#<applicationId>, sk APP: which prisoner and prison an application belongs to. */
export const applicationLookup = z.object({
  personId: z.string(),
  prisonId: z.string(),
});
export type ApplicationLookup = z.infer<typeof applicationLookup>;
