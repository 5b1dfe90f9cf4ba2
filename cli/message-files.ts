// Reads the messages `linkage send` sends: a JSON file holding one message (or an array of
// them), or NDJSON with one message per line. Nothing is validated beyond JSON itself: the
// service validates, and answers an invalid message with a rejection.
export interface OutgoingMessage {
  /** `file` or `file:line`, for messages to the user. */
  readonly source: string;
  /** Exactly what goes on the queue. */
  readonly text: string;
  /** Envelope fields, when the text is a JSON object carrying them. */
  readonly senderId?: string;
  readonly messageId?: string;
  readonly schema?: string;
}

export interface ReadResult {
  readonly messages: OutgoingMessage[];
  /** `file:line: problem` for every part that is not JSON (only when not sending raw). */
  readonly problems: string[];
}

/**
 * raw=false: the file must be JSON or NDJSON, else problems name the line.
 * raw=true (`--as`): what is not JSON is sent as it is, to see how the service rejects it:
 * a .ndjson/.jsonl file line by line, any other file whole.
 */
export function readMessages(file: string, text: string, raw: boolean): ReadResult {
  const whole = tryJson(text);
  if (whole.ok) {
    if (Array.isArray(whole.value) && !raw) {
      return {
        messages: whole.value.map((value, index) => outgoing(`${file}[${index}]`, JSON.stringify(value), value)),
        problems: [],
      };
    }
    return { messages: [outgoing(file, text.trim(), whole.value)], problems: [] };
  }
  if (raw && !/\.(ndjson|jsonl)$/i.test(file)) return { messages: [{ source: file, text }], problems: [] };

  const messages: OutgoingMessage[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const source = `${file}:${index + 1}`;
    const parsed = tryJson(line);
    if (parsed.ok) messages.push(outgoing(source, line.trim(), parsed.value));
    else if (raw) messages.push({ source, text: line });
    else problems.push(`${source}: not valid JSON (${parsed.error})`);
  });
  if (messages.length === 0 && problems.length === 0) problems.push(`${file}: holds no message`);
  return { messages, problems };
}

function outgoing(source: string, text: string, value: unknown): OutgoingMessage {
  const envelope = (value !== null && typeof value === 'object' ? value : {}) as {
    sender?: { id?: unknown };
    messageId?: unknown;
    schema?: unknown;
  };
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const senderId = str(envelope.sender?.id);
  const messageId = str(envelope.messageId);
  const schema = str(envelope.schema);
  return {
    source,
    text,
    ...(senderId ? { senderId } : {}),
    ...(messageId ? { messageId } : {}),
    ...(schema ? { schema } : {}),
  };
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: (error as Error).message.slice(0, 160) };
  }
}
