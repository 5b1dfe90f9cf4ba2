// A refused ruling, corrected and resent ("correct and resend" on the rejections page): the
// ruling form pre-filled with what was refused, its problems next to their fields. The refused
// ruling's application may not be a case page this court can open, so the form stands alone.
import { Alert, Space, Typography } from 'antd';
import { Link, useLocation } from 'react-router';
import { useText } from '../i18n/index.ts';
import { RulingForm, type RulingValues } from '../forms/RulingForm.tsx';

export default function RulingFormPage() {
  const { pick } = useText();
  const state = useLocation().state as {
    prefill?: Record<string, unknown>;
    problems?: { path: string; message: string }[];
  } | null;
  if (!state?.prefill)
    return (
      <Alert
        type="info"
        title={pick(['请在案件页面录入裁定。', 'Record a ruling on its case page.'])}
        description={<Link to="/cases">{pick(['返回案件列表', 'Back to the cases'])}</Link>}
      />
    );
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const initial: RulingValues = {
    applicationId: text(state.prefill.applicationId),
    outcome: text(state.prefill.outcome),
    ruledOn: text(state.prefill.ruledOn),
    rulingRef: text(state.prefill.rulingRef),
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {pick(['更正后重发：裁定结果', 'Correct and resend: the ruling'])}
      </Typography.Title>
      <RulingForm initial={initial} problems={state.problems ?? []} />
    </Space>
  );
}
