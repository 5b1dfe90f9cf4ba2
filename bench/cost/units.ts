// What AWS bills for a call. SQS: one request per API call, but each 64 KiB chunk of a
// call's payload (bodies plus message attributes) is billed as one request. DynamoDB
// on-demand: one write request unit per KiB of item written (rounded up per item), one
// read request unit per 4 KiB read strongly consistently (half for eventually consistent
// reads); the engine reports these per call, the bench adds index writes and failed
// conditional writes (bench/pipeline/engine-capacity.ts).

export const SQS_CHUNK_BYTES = 64 * 1024;

interface MessageAttribute {
  readonly DataType?: string;
  readonly StringValue?: string;
  readonly BinaryValue?: Uint8Array;
}

/** Bytes of one message as SQS counts them: body, and each attribute's name, type and value. */
export function messagePayloadBytes(body: string | undefined, attributes?: Record<string, MessageAttribute>): number {
  let bytes = Buffer.byteLength(body ?? '', 'utf8');
  for (const [name, attribute] of Object.entries(attributes ?? {})) {
    bytes += Buffer.byteLength(name, 'utf8') + Buffer.byteLength(attribute.DataType ?? '', 'utf8');
    if (attribute.StringValue !== undefined) bytes += Buffer.byteLength(attribute.StringValue, 'utf8');
    if (attribute.BinaryValue !== undefined) bytes += attribute.BinaryValue.byteLength;
  }
  return bytes;
}

function chunks(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / SQS_CHUNK_BYTES));
}

type Entry = { MessageBody?: string; MessageAttributes?: Record<string, MessageAttribute> };
type Received = { Body?: string; MessageAttributes?: Record<string, MessageAttribute> };

/** Billed requests of one SQS call, from its input and output. */
export function sqsBilledRequests(
  action: string,
  input: Readonly<Record<string, unknown>>,
  output: Readonly<Record<string, unknown>>,
): number {
  switch (action) {
    case 'SendMessage':
      return chunks(
        messagePayloadBytes(
          input.MessageBody as string | undefined,
          input.MessageAttributes as Entry['MessageAttributes'],
        ),
      );
    case 'SendMessageBatch':
      return chunks(
        ((input.Entries as Entry[] | undefined) ?? []).reduce(
          (sum, e) => sum + messagePayloadBytes(e.MessageBody, e.MessageAttributes),
          0,
        ),
      );
    case 'ReceiveMessage':
      return chunks(
        ((output.Messages as Received[] | undefined) ?? []).reduce(
          (sum, m) => sum + messagePayloadBytes(m.Body, m.MessageAttributes),
          0,
        ),
      );
    default:
      return 1;
  }
}

/** Write request units of writing an item of this many bytes. */
export function writeUnits(itemBytes: number): number {
  return Math.max(1, Math.ceil(itemBytes / 1024));
}
