// "Correct and resend" on a rejection: fetches the refused message as received (quarantine)
// and opens the form of its kind pre-filled with its body (a status, a dossier or a ruling); the
// errors show next to the fields. The version is raised past any version stored since under the
// same key, so the corrected message is not acknowledged as stale; a status's `asOf` is now.
import { App, Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatInstant } from '../../../shared/time/calendar.ts';
import { apiGet, type Rejection } from '../api/client.ts';
import { useText } from '../i18n/index.ts';
import { resendVersion } from './outcome-text.ts';

interface Original {
  raw: string | null;
  problems: { path: string; message: string }[];
  /** The version stored under the refused message's key since, or null. */
  storedVersion: number | null;
}

const CHINA_OFFSET_MINUTES = 8 * 60;

const FORM_OF_SCHEMA: Record<string, string> = {
  'linkage.enforcement-status.v1': '/status/new',
  'linkage.reduction-dossier.v1': '/dossier/new',
  'linkage.ruling.v1': '/ruling/new',
};

export function CorrectButton({ rejection }: { rejection: Rejection }) {
  const { pick } = useText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      const original = await apiGet<Original>('/api/rejection', { ref: rejection.ref });
      const parsed = JSON.parse(original.raw ?? '') as { schema?: unknown; body?: unknown };
      const path = typeof parsed.schema === 'string' ? FORM_OF_SCHEMA[parsed.schema] : undefined;
      if (!path) {
        void message.warning(pick(['无法识别原报文的类型，请重新填写。', 'The original message is of no known kind.']));
        return;
      }
      const body = (parsed.body && typeof parsed.body === 'object' ? parsed.body : {}) as Record<string, unknown>;
      const prefill =
        parsed.schema === 'linkage.ruling.v1'
          ? body
          : {
              ...body,
              version: resendVersion(body.version, original.storedVersion),
              // A status sent again is the court's word as of now (a dossier gets its submittedAt when sent).
              ...(parsed.schema === 'linkage.enforcement-status.v1'
                ? { asOf: formatInstant(Date.now(), CHINA_OFFSET_MINUTES) }
                : {}),
            };
      const subject = parsed.schema === 'linkage.enforcement-status.v1' ? { rejectionRef: rejection.ref } : undefined;
      navigate(path, { state: { prefill, problems: original.problems, ...(subject ? { subject } : {}) } });
    } catch {
      void message.warning(
        pick(['原报文不是有效的 JSON，无法在表单中打开。', 'The original is not JSON; it cannot open in a form.']),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" onClick={() => void open()} loading={busy} data-testid="correct-resend">
      {pick(['更正后重发', 'Correct and resend'])}
    </Button>
  );
}
