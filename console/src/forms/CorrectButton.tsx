// "Correct and resend" on a rejection: fetches the refused message as received (quarantine)
// and opens the form of its kind pre-filled with its body; the errors show next to the fields.
import { App, Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { apiGet, type Rejection } from '../api/client.ts';
import { useText } from '../i18n/index.ts';

interface Original {
  raw: string | null;
  problems: { path: string; message: string }[];
}

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
      const state = { prefill: parsed.body, problems: original.problems };
      if (parsed.schema === 'linkage.enforcement-status.v1') return void navigate('/status/new', { state });
      if (parsed.schema === 'linkage.reduction-dossier.v1') return void navigate('/dossier/new', { state });
      const applicationId = (parsed.body as { applicationId?: unknown } | undefined)?.applicationId;
      if (parsed.schema === 'linkage.ruling.v1' && typeof applicationId === 'string')
        return void navigate(`/cases/${encodeURIComponent(applicationId)}`);
      void message.warning(pick(['无法识别原报文的类型，请重新填写。', 'The original message is of no known kind.']));
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
