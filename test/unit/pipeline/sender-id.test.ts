// SQS's SenderId against the roles registered per institution: defence in depth behind the
// queue policies, counted like a forged envelope.
import { describe, expect, it } from 'vitest';
import { queueOwner, senderIdProblems } from '../../../shared/pipeline/inbound/authenticate.ts';
import { parseRegistry } from '../../../shared/resources/registry.ts';
import registryJson from '../../../config/institutions.json' with { type: 'json' };

const COURT_ROLE = 'AROAEXAMPLECOURT0001';
const OTHER_ROLE = 'AROAEXAMPLECOURT0002';
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

describe('SenderId', () => {
  it("passes the owner's registered role, whatever the session name", () => {
    expect(senderIdProblems(registry, owner, `${COURT_ROLE}:court-system-7`)).toEqual([]);
  });

  it("rejects another institution's role, naming only the queue's owner", () => {
    expect(senderIdProblems(registry, owner, `${OTHER_ROLE}:court-system`)).toEqual([
      {
        path: 'sender',
        message: "was sent with the credentials of another institution's role: this queue belongs to FJ-LY-XL",
      },
    ]);
  });

  it('rejects an unknown principal when the owner registered its role', () => {
    expect(senderIdProblems(registry, owner, 'AIDAEXAMPLEUSER00001')).toEqual([
      { path: 'sender', message: 'was not sent by the role registered for FJ-LY-XL (SQS SenderId)' },
    ]);
  });

  it('rejects a registered role on a queue whose owner registered none', () => {
    expect(senderIdProblems(registry, unregistered, `${COURT_ROLE}:x`)).toHaveLength(1);
  });

  it('proves nothing when neither side is registered (local mode: fauxqs reports 000000000000)', () => {
    expect(senderIdProblems(registry, unregistered, '000000000000')).toEqual([]);
    expect(senderIdProblems(registry, owner, undefined)).toEqual([]);
  });
});
