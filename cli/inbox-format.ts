// How `linkage inbox` shows a message to a person: one headline, then the details that
// matter for each kind. Bodies it cannot read are shown as they are.
import { anyMessage } from '../shared/contract/messages.ts';
import type { FulfilmentFlag } from '../shared/contract/fulfilment-flag.ts';
import type { Rejection } from '../shared/contract/rejection.ts';
import type { VerificationRequest } from '../shared/contract/verification-request.ts';
import { formatYuan } from '../shared/rules/money.ts';
import { formatRemedies } from '../shared/operations/remedy-format.ts';

export function formatMessage(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return `UNREADABLE message (not JSON): ${text.slice(0, 500)}`;
  }
  const parsed = anyMessage.safeParse(value);
  if (!parsed.success) return `UNRECOGNISED message: ${text.slice(0, 500)}`;
  const message = parsed.data;
  const head = `${message.sentAt}  from ${message.sender.id}  ${message.messageId}`;
  switch (message.schema) {
    case 'linkage.fulfilment-flag.v1':
      return [head, ...formatFlag(message.body)].join('\n');
    case 'linkage.verification-request.v1':
      return [head, ...formatRequest(message.body)].join('\n');
    case 'linkage.rejection.v1':
      return [head, ...formatRejection(message.body)].join('\n');
    default:
      return [head, `  ${message.schema}`, `  ${JSON.stringify(message.body)}`].join('\n');
  }
}

export function formatFlag(flag: FulfilmentFlag): string[] {
  const ruling = flag.ruling ? `  (ruling ${flag.ruling.outcome} ${flag.ruling.ruledOn})` : '';
  const lines = [
    `  FULFILMENT FLAG ${flag.applicationId} revision ${flag.revision}: ${flag.decision}  ability ${flag.ability}  outstanding ${formatYuan(flag.outstandingFen)}${ruling}`,
    ...flag.reasons.map(
      (r) => `    ${r.code} [${r.basis}] ${r.detail}${r.items?.length ? ` (${r.items.join(', ')})` : ''}`,
    ),
    ...flag.items.map(
      (i) =>
        `    item ${i.judgmentId}#${i.itemNo} ${i.kind}: ${i.state}, due ${i.dueFen === null ? 'whole estate' : formatYuan(i.dueFen)}, paid ${formatYuan(i.paidFen)}${i.version === null ? ', no status' : `, status v${i.version} as of ${i.asOf}`}`,
    ),
  ];
  if (flag.missingMaterials.length > 0) lines.push(`    missing materials: ${flag.missingMaterials.join(', ')}`);
  lines.push(...formatRemedies(flag));
  return lines;
}

function formatRequest(request: VerificationRequest): string[] {
  const items = request.itemNos ? ` items ${request.itemNos.join(', ')}` : ' (all items)';
  return [
    `  VERIFICATION REQUEST ${request.requestId} for application ${request.applicationId}`,
    `    judgment ${request.judgmentId}${items}: ${request.reason}, reply by ${request.dueBy} (answer with a status carrying inReplyTo ${request.requestId})`,
  ];
}

function formatRejection(rejection: Rejection): string[] {
  return [
    `  REJECTED ${rejection.rejectedMessageId ?? '(message without a readable id)'}${rejection.schema ? ` (${rejection.schema})` : ''}, quarantined as ${rejection.quarantineRef}`,
    ...rejection.errors.map((e) => `    ${e.path === '' ? '(message)' : e.path}: ${e.message}`),
  ];
}
