// What `linkage send` reads from a file: JSON, arrays, NDJSON, and raw text with --as.
import { describe, expect, it } from 'vitest';
import { readMessages } from '../../../cli/message-files.ts';

const message = { schema: 'linkage.ruling.v1', messageId: 'M1', sender: { kind: 'HEARING_COURT', id: 'FJ-LY-ZY' } };

describe('readMessages', () => {
  it('reads one pretty-printed JSON message as it is', () => {
    const text = JSON.stringify(message, null, 2);
    expect(readMessages('a.json', text, false)).toEqual({
      messages: [{ source: 'a.json', text, senderId: 'FJ-LY-ZY', messageId: 'M1', schema: 'linkage.ruling.v1' }],
      problems: [],
    });
  });

  it('reads a JSON array as several messages', () => {
    const { messages } = readMessages('a.json', JSON.stringify([message, { ...message, messageId: 'M2' }]), false);
    expect(messages.map((m) => [m.source, m.messageId])).toEqual([
      ['a.json[0]', 'M1'],
      ['a.json[1]', 'M2'],
    ]);
  });

  it('reads NDJSON line by line, skipping blank lines, and names the lines that are not JSON', () => {
    const text = `${JSON.stringify(message)}\r\n\r\n{oops\n${JSON.stringify({ ...message, messageId: 'M3' })}\n`;
    const result = readMessages('b.ndjson', text, false);
    expect(result.messages.map((m) => [m.source, m.messageId])).toEqual([
      ['b.ndjson:1', 'M1'],
      ['b.ndjson:4', 'M3'],
    ]);
    expect(result.problems).toEqual([expect.stringMatching(/^b\.ndjson:3: not valid JSON/)]);
  });

  it('with --as, sends what is not JSON as it is: whole files, or NDJSON lines', () => {
    expect(readMessages('c.txt', 'not json\nat all', true)).toEqual({
      messages: [{ source: 'c.txt', text: 'not json\nat all' }],
      problems: [],
    });
    expect(readMessages('c.ndjson', 'bad one\n{"schema":"x"}', true).messages.map((m) => m.text)).toEqual([
      'bad one',
      '{"schema":"x"}',
    ]);
  });

  it('says so when a file holds nothing', () => {
    expect(readMessages('empty.json', '\n', false).problems).toEqual(['empty.json: holds no message']);
  });
});
