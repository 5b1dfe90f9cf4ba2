// Key values of the tables (layout in shared/resources/tables.ts). Every read and write of
// the pipeline builds its keys here, so the layout lives in one place.
import { itemKey } from '../contract/primitives.ts';
import { DEADLINE_SHARDS } from '../resources/tables.ts';
import { sha256Hex } from '../ids/hashing.ts';

export interface Key {
  readonly pk: string;
  readonly sk: string;
}

const PRISONER = 'P#';

export function prisonerPk(personId: string): string {
  return `${PRISONER}${personId}`;
}

/** The personId of a prisoner partition key. */
export function personIdOfPk(pk: string): string {
  if (!pk.startsWith(PRISONER)) throw new Error('not a prisoner partition key');
  return pk.slice(PRISONER.length);
}

export const SK_PREFIX = { status: 'S#', application: 'A#', request: 'V#' } as const;

export function statusKey(personId: string, judgmentId: string, itemNo: number): Key {
  return { pk: prisonerPk(personId), sk: `${SK_PREFIX.status}${itemKey(judgmentId, itemNo)}` };
}

export function applicationKey(personId: string, applicationId: string): Key {
  return { pk: prisonerPk(personId), sk: `${SK_PREFIX.application}${applicationId}` };
}

/** The applicationId of an application item's sort key (the deadline index holds keys only). */
export function applicationIdOfSk(sk: string): string {
  if (!sk.startsWith(SK_PREFIX.application)) throw new Error('not an application sort key');
  return sk.slice(SK_PREFIX.application.length);
}

export function requestKey(personId: string, requestId: string): Key {
  return { pk: prisonerPk(personId), sk: `${SK_PREFIX.request}${requestId}` };
}

/** Which prisoner an application belongs to (rulings carry only the applicationId). */
export function applicationLookupKey(applicationId: string): Key {
  return { pk: `APP#${applicationId}`, sk: 'APP' };
}

/** A ruling as received, kept under the application until (and after) its dossier arrives. */
export function receivedRulingKey(applicationId: string, rulingRef: string): Key {
  return { pk: `APP#${applicationId}`, sk: `R#${rulingRef}` };
}

export const RECEIVED_RULING_PREFIX = 'R#';

export function decisionKey(applicationId: string, revision: number): Key {
  return { pk: `A#${applicationId}`, sk: `R#${String(revision).padStart(6, '0')}` };
}

export function accessKey(institutionId: string, sentAt: string, messageId: string): Key {
  return { pk: `I#${institutionId}`, sk: `${sentAt}#${messageId}` };
}

/** The shard of the byDeadline index an application's deadline lives in: "0".."N-1". */
export function deadlineShard(applicationId: string): string {
  return String(Number.parseInt(sha256Hex(applicationId).slice(0, 8), 16) % DEADLINE_SHARDS);
}

export function deadlineShards(): string[] {
  return Array.from({ length: DEADLINE_SHARDS }, (_, index) => String(index));
}
