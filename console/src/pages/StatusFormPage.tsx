// An enforcing court's status of one item: opened from a verification request's row ("answer":
// inReplyTo set) or from the case page ("update status"), pre-filled with the court's last status
// of the item and version + 1; or, from a rejection ("correct and resend"), with the refused body.
// The identity number comes masked (an enforcing court does not see it in full); the form sends
// the `subject` it came with and the service fills in the full number (api/write/subject.ts),
// unless the court types a full number (to correct a wrong one).
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Descriptions, Form, Input, Space, Spin, Typography } from 'antd';
import { useLocation, useSearchParams } from 'react-router';
import { enforcementStatusBody, type EnforcementStatus } from '../../../shared/contract/enforcement-status.ts';
import { apiGet } from '../api/client.ts';
import { PROPERTY_KIND } from '../i18n/glossary.ts';
import { useText } from '../i18n/index.ts';
import { DateInput, YuanInput } from '../forms/fields.tsx';
import { SendResult } from '../forms/SendResult.tsx';
import { InitialProblems, ServerFieldErrors } from '../forms/ServerFieldErrors.tsx';
import { statusToValues, valuesToStatus, type StatusValues } from '../forms/status-values.ts';
import { useSendMessage } from '../forms/submit.ts';
import { contractErrors } from '../forms/validate.ts';
import { checkPersonId } from '../forms/person-id.ts';
import { FormSection } from '../forms/sections.tsx';
import { ConductAndDocuments, PaymentRows } from '../forms/StatusRows.tsx';

export default function StatusFormPage() {
  const { pick } = useText();
  const [params] = useSearchParams();
  const location = useLocation();
  const state = location.state as CorrectionState | null;
  const prefill = state?.prefill;
  const draftQuery = useQuery({
    queryKey: ['status-draft', params.toString()],
    queryFn: () =>
      apiGet<{ body: EnforcementStatus; itemNos: number[]; subject: Subject; prisoner: Prisoner }>(
        '/api/drafts/status',
        Object.fromEntries(params),
      ),
    enabled: prefill === undefined,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const draft = prefill ?? draftQuery.data?.body;
  const subject = prefill ? state?.subject : draftQuery.data?.subject;
  if (!draft)
    return draftQuery.error ? <Alert type="warning" title={pick(['找不到该判项', 'No such item'])} /> : <Spin />;
  return (
    <StatusForm
      key={JSON.stringify(draft)}
      draft={draft}
      subject={subject}
      problems={state?.problems ?? []}
      prisoner={prefill ? undefined : draftQuery.data?.prisoner}
    />
  );
}

type Subject = { applicationId: string } | { rejectionRef: string };
/** The prisoner as the signed-in role may see them (name masked for an enforcing court). */
type Prisoner = { prisonerNo: string; name: string; masked: boolean };
type Problem = { path: string; message: string };
interface CorrectionState {
  prefill?: EnforcementStatus;
  subject?: Subject;
  problems?: Problem[];
}

const isMasked = (personId: string | undefined) => personId?.includes('*') ?? false;

function StatusForm({
  draft,
  subject,
  problems,
  prisoner,
}: {
  draft: EnforcementStatus;
  subject: Subject | undefined;
  problems: Problem[];
  prisoner: Prisoner | undefined;
}) {
  const { pick } = useText();
  const [form] = Form.useForm<StatusValues>();
  const { status, send, busy } = useSendMessage();
  const searched = Form.useWatch('searched', form);
  const masked = isMasked(draft.personId);
  // A refused identity number must be typed again in full: the masked one cannot be corrected.
  const retypeId = masked && problems.some((p) => p.path === 'body.personId');
  const initial = { ...statusToValues(draft), ...(retypeId ? { personId: '' } : {}) };
  const submit = (values: StatusValues) => {
    const { body, errors } = valuesToStatus(values, draft);
    const keepsMasked = isMasked(body.personId as string | undefined);
    const all = [
      ...errors,
      ...contractErrors(enforcementStatusBody, body).filter(
        (e) =>
          !errors.some((m) => JSON.stringify(m.name) === JSON.stringify(e.name)) &&
          !(keepsMasked && JSON.stringify(e.name) === '["personId"]'),
      ),
    ];
    if (all.length > 0) return form.setFields(all);
    send({ schema: 'linkage.enforcement-status.v1', body, ...(keepsMasked && subject ? { subject } : {}) });
  };
  const required = (zh: string, en: string) => [{ required: true, message: pick([`请填写${zh}`, `Enter ${en}`]) }];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {draft.inReplyTo
          ? pick(['答复核实函：报送履行情况', 'Answer the request: send the status'])
          : pick(['更新履行情况', 'Update status'])}
      </Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        {prisoner && (
          <Descriptions.Item label={pick(['罪犯', 'Prisoner'])}>
            {prisoner.name}（{pick(['罪犯编号', 'no.'])} {prisoner.prisonerNo}）
          </Descriptions.Item>
        )}
        <Descriptions.Item label={pick(['判决书', 'Judgment'])}>{draft.judgmentId}</Descriptions.Item>
        <Descriptions.Item label={pick(['判项', 'Item'])}>
          {draft.itemNo}（{pick(PROPERTY_KIND[draft.kind] ?? [draft.kind, draft.kind])}）
        </Descriptions.Item>
        <Descriptions.Item label={pick(['版本', 'Version'])}>
          <span data-testid="status-version">{draft.version}</span>
        </Descriptions.Item>
        <Descriptions.Item label={pick(['答复的核实函', 'In reply to'])}>{draft.inReplyTo ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        data-testid="status-form"
        scrollToFirstError
      >
        <Form.Item
          name="personId"
          label={pick(['被执行人居民身份证号码', 'Identity number of the person'])}
          validateTrigger="onChange"
          extra={
            retypeId
              ? pick([
                  `原报文号码（已脱敏）：${draft.personId}。请输入正确的完整号码。`,
                  `As sent (masked): ${draft.personId}. Enter the correct number in full.`,
                ])
              : masked
                ? pick([
                    '已脱敏显示；报送时由平台按核实函（或原报文）所列的完整号码填写。',
                    'Masked; the service sends the full number the request (or the original message) names.',
                  ])
                : undefined
          }
          rules={[
            {
              validator: async (_, value: string | undefined) =>
                isMasked(value) ? undefined : checkPersonId(value, pick),
            },
          ]}
        >
          <Input style={{ width: 240 }} maxLength={18} readOnly={masked && !retypeId} data-testid="status-person-id" />
        </Form.Item>
        <Form.Item name="enforcementCaseId" label={pick(['执行案号', 'Enforcement case number'])}>
          <Input style={{ maxWidth: 360 }} />
        </Form.Item>
        <Form.Item
          name="dueFen"
          label={pick(['应履行金额（元）', 'Amount due (yuan)'])}
          extra={pick(['没收全部财产可不填', 'Leave empty for confiscation of all property'])}
        >
          <YuanInput />
        </Form.Item>
        <PaymentRows />
        <FormSection title={pick(['财产查控', 'Asset search'])}>
          <Form.Item name="searched" valuePropName="checked">
            <Checkbox>{pick(['已完成财产查控', 'Asset search completed'])}</Checkbox>
          </Form.Item>
          {searched && (
            <Space wrap align="start">
              <Form.Item
                name={['assetSearch', 'completedOn']}
                label={pick(['查控完成日期', 'Completed on'])}
                rules={required('查控完成日期', 'the date')}
              >
                <DateInput />
              </Form.Item>
              <Form.Item
                name={['assetSearch', 'executableAssetsFound']}
                valuePropName="checked"
                label={pick(['查控结果', 'Result'])}
              >
                <Checkbox>{pick(['发现可供执行财产', 'Executable assets found'])}</Checkbox>
              </Form.Item>
              <Form.Item name={['assetSearch', 'foundFen']} label={pick(['发现财产金额（元）', 'Assets found (yuan)'])}>
                <YuanInput />
              </Form.Item>
            </Space>
          )}
        </FormSection>
        <ConductAndDocuments />
        <Button
          type="primary"
          htmlType="submit"
          loading={busy}
          style={{ marginTop: 24 }}
          disabled={status.state === 'accepted'}
        >
          {pick(['报送履行情况', 'Send the status'])}
        </Button>
      </Form>
      <ServerFieldErrors status={status} form={form} />
      <InitialProblems problems={problems} form={form} />
      <SendResult status={status} />
    </Space>
  );
}
