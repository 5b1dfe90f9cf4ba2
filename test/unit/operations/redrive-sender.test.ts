// What the redrive tool vouches for before it re-sends an inbound dead letter: the original
// SenderId SQS kept on the DLQ copy (or, on a copy the redrive role re-sent before, the
// attribute that role put there), checked against the registry as the ingest will.
import type { Message } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { vouchFor, type SenderIdentity } from '../../../shared/operations/redrive-sender.ts';
import { ORIGINAL_SENDER_ATTRIBUTE } from '../../../shared/pipeline/inbound/relayed-sender.ts';
import { inboundQueue, outboundQueue } from '../../../shared/resources/queues.ts';
import { parseRegistry } from '../../../shared/resources/registry.ts';
import registryJson from '../../../config/institutions.json' with { type: 'json' };

const COURT_ROLE = 'AROAEXAMPLECOURT0001';
const REDRIVE = 'AROAEXAMPLEREDRIVE01';
const registry = parseRegistry({
  ...registryJson,
  institutions: registryJson.institutions.map((inst) =>
    inst.id === 'FJ-LY-XL' ? { ...inst, rolePrincipalId: COURT_ROLE } : inst,
  ),
});
const registered = inboundQueue('prod', 'FJ-LY-XL');
const unregistered = inboundQueue('prod', 'FJ-XM-SM');
const redriveRole: SenderIdentity = { principalId: REDRIVE, redriveRole: true };
const message = (senderId?: string, original?: string): Message => ({
  MessageId: 'm-1',
  Body: '{}',
  ...(senderId ? { Attributes: { SenderId: senderId } } : {}),
  ...(original
    ? { MessageAttributes: { [ORIGINAL_SENDER_ATTRIBUTE]: { DataType: 'String', StringValue: original } } }
    : {}),
});
const carries = (original: string) => ({
  ok: true,
  attributes: { [ORIGINAL_SENDER_ATTRIBUTE]: { DataType: 'String', StringValue: original } },
});

describe('vouching for a dead letter before it is re-sent', () => {
  it("carries the SenderId SQS kept when it is the owner's registered role", () => {
    expect(vouchFor(registry, 'prod', registered, message(`${COURT_ROLE}:sys`), redriveRole)).toEqual(
      carries(`${COURT_ROLE}:sys`),
    );
  });

  it("refuses a dead letter the owner's role did not send; an attribute on it is never carried over", () => {
    const verdict = vouchFor(registry, 'prod', registered, message('AIDAEXAMPLEUSER00001', COURT_ROLE), redriveRole);
    expect(verdict).toEqual({
      ok: false,
      reason:
        'its original SenderId AIDAEXAMPLEUSER00001 was not sent by the role registered for FJ-LY-XL (SQS SenderId)',
    });
  });

  it('carries the attribute of a copy the redrive role itself re-sent before (it failed again), checked again', () => {
    const again = message(`${REDRIVE}:ops-alice`, `${COURT_ROLE}:sys`);
    expect(vouchFor(registry, 'prod', registered, again, redriveRole)).toEqual(carries(`${COURT_ROLE}:sys`));
    const forged = message(`${REDRIVE}:ops-alice`, 'AIDAEXAMPLEUSER00001');
    expect(vouchFor(registry, 'prod', registered, forged, redriveRole).ok).toBe(false);
    const bare = message(`${REDRIVE}:ops-alice`);
    expect(vouchFor(registry, 'prod', registered, bare, redriveRole)).toEqual({
      ok: false,
      reason: 'SQS reports no original SenderId for it, and FJ-LY-XL registered its role',
    });
  });

  it('refuses to re-send for an institution with a registered role when not running as the redrive role', () => {
    const me: SenderIdentity = { principalId: 'AIDAEXAMPLEADMIN0001', redriveRole: false };
    expect(vouchFor(registry, 'prod', registered, message(`${COURT_ROLE}:sys`), me)).toEqual({
      ok: false,
      reason:
        "FJ-LY-XL registered its role: only the service's redrive role may re-send its messages (docs/operations.md)",
    });
    // Its own re-sent copies are not recognised either: only the redrive role's are.
    expect(vouchFor(registry, 'prod', registered, message('AIDAEXAMPLEADMIN0001:x', COURT_ROLE), me).ok).toBe(false);
  });

  it('for an institution without a registered role (local mode): carries what SQS reported, refuses a registered role', () => {
    expect(vouchFor(registry, 'local', inboundQueue('local', 'FJ-XM-SM'), message('000000000000'), undefined)).toEqual(
      carries('000000000000'),
    );
    expect(vouchFor(registry, 'prod', unregistered, message(), undefined)).toEqual({ ok: true });
    expect(vouchFor(registry, 'prod', unregistered, message(`${COURT_ROLE}:sys`), redriveRole).ok).toBe(false);
  });

  it('checks nothing on queues without a sender check (outbound, evaluate)', () => {
    expect(vouchFor(registry, 'prod', outboundQueue('prod', 'FJ-LY-XL'), message('AIDAANYONE'), redriveRole)).toEqual({
      ok: true,
    });
  });
});
