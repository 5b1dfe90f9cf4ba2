// The hearing court records its ruling on the case page: outcome, date, ruling number. Checked
// with the contract's ruling schema before sending; the ingest checks it again. Opened from a
// rejection ("correct and resend") it starts with the refused ruling and its problems, and the
// application id is a field of its own (the refused one may be what is wrong).
import { Button, Card, Form, Input } from 'antd';
import { rulingBody } from '../../../shared/contract/ruling.ts';
import { RULING } from '../i18n/glossary.ts';
import { useText } from '../i18n/index.ts';
import { DateInput, EnumSelect } from './fields.tsx';
import { SendResult } from './SendResult.tsx';
import { useSendMessage } from './submit.ts';
import { contractErrors } from './validate.ts';
import { InitialProblems, ServerFieldErrors } from './ServerFieldErrors.tsx';

export interface RulingValues {
  applicationId?: string;
  outcome?: string;
  ruledOn?: string;
  rulingRef?: string;
}

export function RulingForm({
  applicationId,
  initial,
  problems,
}: {
  /** The case page's application; absent: the application id is a field. */
  applicationId?: string;
  initial?: RulingValues;
  problems?: { path: string; message: string }[];
}) {
  const { pick } = useText();
  const [form] = Form.useForm<RulingValues>();
  const { status, send, busy } = useSendMessage();
  const submit = (values: RulingValues) => {
    const body = { ...values, applicationId: applicationId ?? values.applicationId?.trim() };
    const errors = contractErrors(rulingBody, body);
    if (errors.length > 0) return form.setFields(errors);
    send({ schema: 'linkage.ruling.v1', body });
  };
  const required = (zh: string, en: string) => [{ required: true, message: pick([zh, en]) }];
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{pick(['录入裁定结果', 'Record the ruling'])}</h2>}
      style={{ marginTop: 24 }}
    >
      <Form
        form={form}
        layout="inline"
        onFinish={submit}
        data-testid="ruling-form"
        {...(initial ? { initialValues: initial } : {})}
      >
        {applicationId === undefined && (
          <Form.Item
            name="applicationId"
            label={pick(['申请编号', 'Application id'])}
            rules={required('请填写申请编号', 'Enter the application id')}
          >
            <Input style={{ width: 200 }} />
          </Form.Item>
        )}
        <Form.Item
          name="outcome"
          label={pick(['裁定结果', 'Outcome'])}
          rules={required('请选择裁定结果', 'Choose the outcome')}
        >
          <EnumSelect labels={RULING} placeholder={pick(['请选择', 'Choose'])} />
        </Form.Item>
        <Form.Item
          name="ruledOn"
          label={pick(['裁定日期', 'Ruled on'])}
          rules={required('请填写裁定日期', 'Enter the date')}
        >
          <DateInput />
        </Form.Item>
        <Form.Item
          name="rulingRef"
          label={pick(['裁定书文号', 'Ruling number'])}
          rules={required('请填写裁定书文号', 'Enter the ruling number')}
        >
          <Input style={{ width: 260 }} placeholder="（2026）闽08刑更123号" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} disabled={status.state === 'accepted'}>
            {pick(['提交裁定', 'Send the ruling'])}
          </Button>
        </Form.Item>
      </Form>
      <ServerFieldErrors status={status} form={form} />
      <InitialProblems problems={problems} form={form} />
      <SendResult status={status} />
    </Card>
  );
}
