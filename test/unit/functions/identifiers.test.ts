// Identifiers the pipeline makes: contract message ids, FIFO group ids, and the parts of the
// environment a function reads.
import { describe, expect, it } from 'vitest';
import { MESSAGE_ID_PATTERN } from '../../../shared/contract/primitives.ts';
import { flagMessageId } from '../../../shared/pipeline/evaluation/delivery.ts';
import { readEnvironment } from '../../../shared/pipeline/environment.ts';
import { queueOwner } from '../../../shared/pipeline/inbound/authenticate.ts';
import { REGISTRY } from '../../../shared/pipeline/registry.ts';
import { messageGroupOf } from '../../../shared/queues/evaluation-requests.ts';
import { composeMessageId } from '../../../shared/ids/hashing.ts';
import { PERSON_ID } from '../../../generators/case.ts';

describe('message ids', () => {
  it('keep a plain application id readable', () => {
    expect(flagMessageId('LINKAGE', 'FJ-P01-2026-0042', 3)).toBe('LINKAGE:flag:FJ-P01-2026-0042:r3');
  });

  it('hash what does not fit the contract, and still differ per application and revision', () => {
    const chinese = flagMessageId('LINKAGE', '闽监2026减字第42号', 1);
    const long = flagMessageId('LINKAGE', 'A'.repeat(80), 12);
    for (const id of [chinese, long]) expect(id).toMatch(MESSAGE_ID_PATTERN);
    expect(chinese).toMatch(/^LINKAGE:flag:[0-9a-f]{32}:r1$/);
    expect(flagMessageId('LINKAGE', '闽监2026减字第43号', 1)).not.toBe(chinese);
    expect(composeMessageId('LINKAGE:vr:', 'VR-abc')).toBe('LINKAGE:vr:VR-abc');
  });
});

describe('message groups', () => {
  it('are per prisoner, and never the identity number itself', () => {
    expect(messageGroupOf(PERSON_ID)).toBe(messageGroupOf(PERSON_ID));
    expect(messageGroupOf(PERSON_ID)).not.toContain(PERSON_ID);
    expect(messageGroupOf(PERSON_ID)).not.toBe(messageGroupOf('110101199001010011'));
  });
});

describe('queue owners', () => {
  it('come from the inbound queue ARN and the registry', () => {
    expect(queueOwner(REGISTRY, 'prod', 'arn:aws:sqs:cn-north-1:000000000000:linkage-prod-in-FJ-LY-XL')).toMatchObject({
      id: 'FJ-LY-XL',
      kind: 'ENFORCING_COURT',
    });
  });

  it('refuse queues that are not a registered sender inbound queue of the stage', () => {
    expect(() => queueOwner(REGISTRY, 'prod', 'arn:aws:sqs:cn-north-1:000000000000:linkage-test-in-FJ-LY-XL')).toThrow(
      /not an inbound queue of stage prod/,
    );
    expect(() =>
      queueOwner(REGISTRY, 'prod', 'arn:aws:sqs:cn-north-1:000000000000:linkage-prod-in-FJ-LY-XL-dlq'),
    ).toThrow(/not an inbound queue/);
    expect(() => queueOwner(REGISTRY, 'prod', 'arn:aws:sqs:cn-north-1:000000000000:linkage-prod-in-FJ-JC-P01')).toThrow(
      /no sending institution/,
    );
    expect(() => queueOwner(REGISTRY, 'prod', 'arn:aws:sqs:cn-north-1:000000000000:linkage-prod-in-FJ-NOBODY')).toThrow(
      /no sending institution/,
    );
  });
});

describe('environment', () => {
  it('reads the stage, the queue URL base and the tables a function uses', () => {
    const env = readEnvironment(['cases', 'quarantine'], {
      STAGE: 'prod',
      QUEUE_URL_BASE: 'https://sqs.cn-north-1.amazonaws.com.cn/123456789012/',
      CASES_TABLE: 'c',
      QUARANTINE_TABLE: 'q',
    });
    expect(env).toEqual({
      stage: 'prod',
      queueUrlBase: 'https://sqs.cn-north-1.amazonaws.com.cn/123456789012',
      tables: { cases: 'c', quarantine: 'q' },
    });
  });

  it('names every missing variable', () => {
    expect(() => readEnvironment(['cases', 'idempotency'], { STAGE: 'prod', CASES_TABLE: ' ' })).toThrow(
      'missing environment variables: QUEUE_URL_BASE, CASES_TABLE, IDEMPOTENCY_TABLE',
    );
  });
});
