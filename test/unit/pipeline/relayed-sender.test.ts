// The ingest's decision on a message the service's redrive role re-sent from a dead-letter
// queue: the original SenderId it names is believed only when SQS says the redrive role sent
// it, and then passes the same registry check as a direct delivery. Every case of the table
// in docs/operations.md ("Redrive and the sender check").
import { describe, expect, it } from 'vitest';
import { queueOwner } from '../../../shared/pipeline/inbound/authenticate.ts';
import { credentialProblems, isRelayed, principalOf } from '../../../shared/pipeline/inbound/relayed-sender.ts';
import { readEnvironment } from '../../../shared/pipeline/environment.ts';
import { parseRegistry } from '../../../shared/resources/registry.ts';
import registryJson from '../../../config/institutions.json' with { type: 'json' };

const COURT_ROLE = 'AROAEXAMPLECOURT0001';
const OTHER_ROLE = 'AROAEXAMPLECOURT0002';
const REDRIVE = 'AROAEXAMPLEREDRIVE01';
const CONSOLE = 'AROAEXAMPLECSENDER01';
const registry = parseRegistry({
  ...registryJson,
  institutions: registryJson.institutions.map((inst) =>
    inst.id === 'FJ-LY-XL'
      ? { ...inst, rolePrincipalId: COURT_ROLE }
      : inst.id === 'FJ-LY-ZP'
        ? { ...inst, rolePrincipalId: OTHER_ROLE }
        : inst,
  ),
});
const owner = queueOwner(registry, 'prod', 'arn:aws-cn:sqs:cn-north-1:000000000000:linkage-prod-in-FJ-LY-XL');
const unregistered = queueOwner(registry, 'prod', 'arn:aws-cn:sqs:cn-north-1:000000000000:linkage-prod-in-FJ-XM-SM');
const decide = (
  evidence: { senderId?: string; originalSenderId?: string },
  of = owner,
  /** null: no redrive role configured (local mode). */
  redrive: string | null = REDRIVE,
) => credentialProblems(registry, of, evidence, { redrive: redrive ?? undefined, consoleSender: CONSOLE });

describe('a message sent by anyone but the redrive role', () => {
  it("passes on the owner's registered role, and the attribute changes nothing", () => {
    expect(decide({ senderId: `${COURT_ROLE}:court-system` })).toEqual([]);
    expect(decide({ senderId: `${COURT_ROLE}:court-system`, originalSenderId: `${OTHER_ROLE}:x` })).toEqual([]);
  });

  it("is rejected when sent with another role, even naming the owner's role as original (a forged attribute)", () => {
    const problems = decide({ senderId: `${OTHER_ROLE}:court-system`, originalSenderId: `${COURT_ROLE}:court-system` });
    expect(problems).toEqual([
      {
        path: 'sender',
        message: "was sent with the credentials of another institution's role: this queue belongs to FJ-LY-XL",
      },
    ]);
  });

  it('is rejected from an operator or console principal that is not the redrive role, attribute or not', () => {
    for (const senderId of ['AIDAEXAMPLEOPERATOR1', 'AROAEXAMPLECONSOLE01:linkage-prod-console-api'])
      expect(decide({ senderId, originalSenderId: `${COURT_ROLE}:court-system` })).toEqual([
        { path: 'sender', message: 'was not sent by the role registered for FJ-LY-XL (SQS SenderId)' },
      ]);
  });

  it('where no redrive role is configured (local mode), the redrive role is any other principal', () => {
    expect(decide({ senderId: `${REDRIVE}:ops`, originalSenderId: `${COURT_ROLE}:x` }, owner, null)).toHaveLength(1);
    expect(decide({ senderId: '000000000000', originalSenderId: `${COURT_ROLE}:x` }, unregistered, null)).toEqual([]);
  });
});

describe('a message the redrive role re-sent', () => {
  it("passes when the original SenderId it names is the owner's registered role, whatever the sessions", () => {
    expect(decide({ senderId: `${REDRIVE}:ops-alice`, originalSenderId: `${COURT_ROLE}:court-system-7` })).toEqual([]);
    expect(decide({ senderId: REDRIVE, originalSenderId: COURT_ROLE })).toEqual([]);
  });

  it('is rejected without the original SenderId, or with an empty one', () => {
    const expected = [
      {
        path: 'sender',
        message: "was re-sent by the service's redrive role without the original SenderId (linkage.original-sender-id)",
      },
    ];
    expect(decide({ senderId: `${REDRIVE}:ops-alice` })).toEqual(expected);
    expect(decide({ senderId: `${REDRIVE}:ops-alice`, originalSenderId: '  ' })).toEqual(expected);
  });

  it("is rejected when the original is another institution's role", () => {
    expect(decide({ senderId: `${REDRIVE}:ops`, originalSenderId: `${OTHER_ROLE}:court-system` })).toEqual([
      {
        path: 'sender',
        message:
          "was sent with the credentials of another institution's role: this queue belongs to FJ-LY-XL; was re-sent by the service's redrive role, this is the original SenderId it names",
      },
    ]);
  });

  it('is rejected when the original is an unregistered principal and the owner registered its role', () => {
    expect(decide({ senderId: `${REDRIVE}:ops`, originalSenderId: 'AIDAEXAMPLEOPERATOR1' })).toEqual([
      {
        path: 'sender',
        message:
          "was not sent by the role registered for FJ-LY-XL (SQS SenderId); was re-sent by the service's redrive role, this is the original SenderId it names",
      },
    ]);
  });

  it('is rejected when it names the redrive role itself as the original (a relay cannot vouch for itself)', () => {
    expect(decide({ senderId: `${REDRIVE}:ops`, originalSenderId: `${REDRIVE}:ops` })).toEqual([
      {
        path: 'sender',
        message: "was re-sent by the service's redrive role naming the redrive role itself as the original sender",
      },
    ]);
  });

  it("for an owner without a registered role, is judged as the original would be: an unknown principal passes, a registered one doesn't", () => {
    expect(decide({ senderId: `${REDRIVE}:ops`, originalSenderId: 'AIDAEXAMPLESENDER01' }, unregistered)).toEqual([]);
    expect(decide({ senderId: `${REDRIVE}:ops`, originalSenderId: `${COURT_ROLE}:x` }, unregistered)).toHaveLength(1);
  });
});

describe('the parts', () => {
  it('recognises the redrive role by the principal of the SenderId only', () => {
    expect(principalOf(`${REDRIVE}:session:with:colons`)).toBe(REDRIVE);
    expect(isRelayed({ senderId: `${REDRIVE}:x` }, REDRIVE)).toBe(true);
    expect(isRelayed({ senderId: `${REDRIVE}X:x` }, REDRIVE)).toBe(false);
    expect(isRelayed({ senderId: undefined, originalSenderId: COURT_ROLE }, REDRIVE)).toBe(false);
    expect(isRelayed({ senderId: `${REDRIVE}:x` }, undefined)).toBe(false);
  });

  it('reads the redrive role id from REDRIVE_PRINCIPAL_ID, absent when unset or blank', () => {
    const base = { STAGE: 'prod', QUEUE_URL_BASE: 'https://sqs.cn-north-1.amazonaws.com.cn/1' };
    expect(readEnvironment([], { ...base, REDRIVE_PRINCIPAL_ID: REDRIVE }).redrivePrincipalId).toBe(REDRIVE);
    expect(readEnvironment([], { ...base, REDRIVE_PRINCIPAL_ID: ' ' })).not.toHaveProperty('redrivePrincipalId');
    expect(readEnvironment([], base)).not.toHaveProperty('redrivePrincipalId');
  });
});

describe('a message sent by the console-sender role (what a signed-in user submitted)', () => {
  it('passes for an owner with a registered role, whatever session, and the attribute changes nothing', () => {
    expect(decide({ senderId: `${CONSOLE}:console-api` })).toEqual([]);
    expect(decide({ senderId: `${CONSOLE}:console-api`, originalSenderId: `${OTHER_ROLE}:x` })).toEqual([]);
    expect(decide({ senderId: `${CONSOLE}:console-api` }, unregistered)).toEqual([]);
  });

  it('is not trusted when the ingest was not told the console-sender role (local mode), nor by a look-alike id', () => {
    expect(credentialProblems(registry, owner, { senderId: `${CONSOLE}:console-api` }, { redrive: REDRIVE })).toEqual([
      expect.objectContaining({ path: 'sender' }),
    ]);
    expect(decide({ senderId: `${CONSOLE}X:console-api` })).toEqual([expect.objectContaining({ path: 'sender' })]);
  });
});
