// Plays the demo's story against a running local service, through the real inbound queues,
// waiting for the service to settle after each phase; then collects what every institution
// received.
import type {
  AnyMessage,
  EnforcementStatusMessage,
  VerificationRequestMessage,
} from '../../shared/contract/messages.ts';
import { CLOCK_SHIFT_VARIABLE } from '../../shared/pipeline/clock.ts';
import { startOfDay } from '../../shared/time/calendar.ts';
import { sendBodies } from '../../shared/queues/batches.ts';
import { inboundQueueUrl } from '../../shared/queues/queue-urls.ts';
import type { LocalService } from '../service.ts';
import { DemoClock } from './messages.ts';
import { drainOutbound, flagsIn, requestsIn, type Received } from './outbox.ts';
import {
  answerToRequest,
  concealmentFound,
  coolOffDates,
  coolOffPayment,
  dossiers,
  familyPayment,
  grant,
  HEARING_COURT,
  invalidStatus,
  knownStatuses,
  story,
} from './scenario.ts';

export interface ScenarioRun {
  /** Every valid message sent, in order. */
  readonly sent: AnyMessage[];
  /** The invalid message sent, and by whom. */
  readonly invalid: { readonly senderId: string; readonly message: EnforcementStatusMessage };
  /** Everything every institution received. */
  readonly received: Received[];
  /** Verification requests the service sent, all institutions. */
  readonly requests: VerificationRequestMessage[];
}

export async function runScenario(
  service: LocalService,
  progress: (line: string) => void = () => undefined,
): Promise<ScenarioRun> {
  const { endpoints, clients, runner, registry } = service;
  const sent: AnyMessage[] = [];
  const received: Received[] = [];
  const send = async (messages: readonly { senderId: string; text: string }[]) => {
    for (const { senderId, text } of messages) {
      const url = inboundQueueUrl(endpoints, senderId);
      const failed = await sendBodies(clients.sqs, url, [text]);
      if (failed.length > 0) throw new Error(`could not send to ${senderId}: ${failed[0]!.reason}`);
    }
  };
  const sendValid = async (messages: readonly AnyMessage[]) => {
    sent.push(...messages);
    await send(messages.map((m) => ({ senderId: m.sender.id, text: JSON.stringify(m) })));
  };
  const settle = () => runner.waitUntilQuiet(60_000);
  const collect = async (institutionId: string) => {
    const got = await drainOutbound(clients.sqs, endpoints.queueUrlBase, endpoints.stage, institutionId);
    received.push(...got);
    return got;
  };

  progress('1. Enforcing courts report what they know (and one status with a typo in the identity number).');
  const invalid = invalidStatus(new DemoClock(Date.now()));
  await sendValid(knownStatuses(new DemoClock(Date.now())));
  await send([{ senderId: invalid.senderId, text: JSON.stringify(invalid.message) }]);
  await settle();

  progress('2. The prisons submit seven proposals to the hearing court.');
  await sendValid(dossiers(new DemoClock(Date.now())));
  await settle();

  progress(
    '3. The court answers its verification request; a family pays; a prisoner pays during his cool-off; a parole is granted.',
  );
  const missing = story('missing');
  const request = requestsIn(await collect(missing.item.enforcingCourtId)).find(
    (r) => r.body.applicationId === missing.applicationId,
  );
  if (!request)
    throw new Error(`no verification request reached ${missing.item.enforcingCourtId} for ${missing.applicationId}`);
  const clock = new DemoClock(Date.now());
  await sendValid([answerToRequest(clock, request.body), familyPayment(clock), coolOffPayment(clock), grant(clock)]);
  await settle();

  progress('4. After the grant, the enforcing court finds serious concealment of assets.');
  await sendValid([concealmentFound(new DemoClock(Date.now()))]);
  await settle();

  const { endsOn } = coolOffDates(new DemoClock(Date.now()));
  progress(
    `5. Time passes: the service clock moves to ${SWEEP_LEAD_SECONDS} s before the cool-off ends on ${endsOn}; the deadline sweep runs every second.`,
  );
  await untilCoolOffEnds(service, endsOn, settle, () => collect(HEARING_COURT));

  for (const institution of registry.institutions) await collect(institution.id);
  return { sent, invalid, received, requests: requestsIn(received) };
}

/** How long before the cool-off ends the demo sets the service clock. */
const SWEEP_LEAD_SECONDS = 3;
const CST = 8 * 60;

/**
 * Moves the service clock (local mode's LINKAGE_CLOCK_SHIFT_MS) to just before the cool-off
 * story's cool-off ends and runs the deadline sweep once a second, as its schedule would, until
 * the hearing court has the CLEAR revision: no message is sent, time alone changes the flag.
 * The clock is put back afterwards.
 */
async function untilCoolOffEnds(
  service: LocalService,
  endsOn: string,
  settle: () => Promise<void>,
  collect: () => Promise<Received[]>,
): Promise<void> {
  const cooloff = story('cooloff');
  process.env[CLOCK_SHIFT_VARIABLE] = String(startOfDay(endsOn, CST) - SWEEP_LEAD_SECONDS * 1_000 - Date.now());
  try {
    for (let second = 0; second < SWEEP_LEAD_SECONDS + 30; second += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await service.runner.sweep();
      await settle();
      const got = await collect();
      const cleared = flagsIn(got).some(
        (m) => m.body.applicationId === cooloff.applicationId && m.body.decision === 'CLEAR',
      );
      if (cleared) return;
    }
  } finally {
    delete process.env[CLOCK_SHIFT_VARIABLE];
  }
}
