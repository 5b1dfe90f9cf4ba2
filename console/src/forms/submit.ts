// Sending a form: POST /api/messages, then ask every second what the ingest made of it until it
// says accepted, rejected or stale (the same or a newer version was already stored, so nothing
// changed); it usually knows within two seconds.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { apiPost } from '../api/client.ts';

export type SendState =
  | { state: 'idle' }
  | { state: 'sending' }
  | { state: 'invalid'; problems: { path: string; message: string }[]; status: number }
  | { state: 'pending'; messageId: string }
  | { state: 'accepted'; messageId: string }
  | { state: 'rejected'; messageId: string; problems: { path: string; message: string }[] }
  | { state: 'stale'; messageId: string; sentVersion?: number; storedVersion?: number }
  | { state: 'unknown'; messageId: string };

interface Sent {
  messageId: string;
  receipt: string;
}
interface Outcome {
  state: 'accepted' | 'rejected' | 'stale' | 'pending';
  problems?: { path: string; message: string }[];
  sentVersion?: number;
  storedVersion?: number;
}

const POLL_MS = 1000;
const POLL_ROUNDS = 30;

export function useSendMessage(onAccepted?: () => void) {
  const [status, setStatus] = useState<SendState>({ state: 'idle' });
  const mutation = useMutation({
    mutationFn: async (input: { schema: string; body: unknown; subject?: Record<string, string> }) => {
      setStatus({ state: 'sending' });
      const response = await apiPost<Sent>('/api/messages', input);
      if (!response.ok) {
        setStatus({ state: 'invalid', problems: response.problems, status: response.status });
        return;
      }
      const { messageId, receipt } = response.value;
      setStatus({ state: 'pending', messageId });
      for (let round = 0; round < POLL_ROUNDS; round += 1) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const outcome = await apiPost<Outcome>('/api/messages/outcome', { receipt });
        if (!outcome.ok) continue;
        if (outcome.value.state === 'accepted') {
          setStatus({ state: 'accepted', messageId });
          onAccepted?.();
          return;
        }
        if (outcome.value.state === 'rejected') {
          setStatus({ state: 'rejected', messageId, problems: outcome.value.problems ?? [] });
          return;
        }
        if (outcome.value.state === 'stale') {
          const { sentVersion, storedVersion } = outcome.value;
          setStatus({
            state: 'stale',
            messageId,
            ...(sentVersion === undefined ? {} : { sentVersion }),
            ...(storedVersion === undefined ? {} : { storedVersion }),
          });
          return;
        }
      }
      setStatus({ state: 'unknown', messageId });
    },
  });
  return { status, send: mutation.mutate, busy: status.state === 'sending' || status.state === 'pending' };
}
