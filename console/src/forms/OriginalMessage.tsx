// A rejection's original message, as received (from quarantine): shown on request under the
// rejection, pretty-printed when it is JSON; identity numbers masked for the roles that do not
// see them (the API masks them).
import { Button } from 'antd';
import { useState } from 'react';
import { apiGet } from '../api/client.ts';
import { useText } from '../i18n/index.ts';

function pretty(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}

export function OriginalMessage({ rejectionRef }: { rejectionRef: string }) {
  const { pick } = useText();
  const [raw, setRaw] = useState<string | null | undefined>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = `original-${rejectionRef.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const toggle = async () => {
    if (!open && raw === undefined) {
      setBusy(true);
      try {
        setRaw((await apiGet<{ raw: string | null }>('/api/rejection', { ref: rejectionRef })).raw);
      } finally {
        setBusy(false);
      }
    }
    setOpen(!open);
  };
  return (
    <>
      <Button size="small" onClick={() => void toggle()} loading={busy} aria-expanded={open} aria-controls={id}>
        {open ? pick(['收起原报文', 'Hide the original']) : pick(['查看原报文', 'Show the original'])}
      </Button>
      {open && (
        <pre
          id={id}
          data-testid="original-message"
          style={{
            maxWidth: 520,
            maxHeight: 320,
            overflow: 'auto',
            fontSize: 12,
            marginTop: 8,
            whiteSpace: 'pre-wrap',
          }}
          tabIndex={0}
        >
          {raw === null || raw === undefined ? pick(['（原报文未保存）', '(not kept)']) : pretty(raw)}
        </pre>
      )}
    </>
  );
}
