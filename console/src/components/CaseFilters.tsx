// The hearing court's filter bar over the case list. Loaded on its own after the rows have
// been painted: its date pickers and selects are about a third of the list page's code, and
// none of it is needed to show the first page of rows.
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Me } from '../api/client.ts';
import { DECISION, KIND } from '../i18n/glossary.ts';
import { useText } from '../i18n/index.ts';

export interface CaseFilterValues {
  decision?: string;
  prisonId?: string;
  kind?: string;
  from?: string;
  to?: string;
  q?: string;
}

interface FormValues {
  decision?: string;
  prisonId?: string;
  kind?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
  q?: string;
}

function filtersOf(values: FormValues): CaseFilterValues {
  return {
    ...(values.decision ? { decision: values.decision } : {}),
    ...(values.prisonId ? { prisonId: values.prisonId } : {}),
    ...(values.kind ? { kind: values.kind } : {}),
    ...(values.from ? { from: values.from.format('YYYY-MM-DD') } : {}),
    ...(values.to ? { to: values.to.format('YYYY-MM-DD') } : {}),
    ...(values.q?.trim() ? { q: values.q.trim() } : {}),
  };
}

export default function CaseFilters({
  me,
  onChange,
}: {
  me: Me | undefined;
  onChange: (filters: CaseFilterValues) => void;
}) {
  const { t, pick, nameOf } = useText();
  const [form] = Form.useForm<FormValues>();
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={(values) => onChange(filtersOf(values))}
      role="search"
      aria-label={t('list.filter')}
    >
      <Form.Item name="q" label={t('list.search')}>
        <Input allowClear style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="decision" label={t('list.decision')}>
        <Select
          allowClear
          style={{ width: 120 }}
          options={Object.entries(DECISION).map(([value, d]) => ({ value, label: pick(d.badge) }))}
        />
      </Form.Item>
      <Form.Item name="prisonId" label={t('list.prison')}>
        <Select
          allowClear
          style={{ width: 220 }}
          options={(me?.prisons ?? []).map((p) => ({ value: p.id, label: nameOf(p) }))}
        />
      </Form.Item>
      <Form.Item name="kind" label={t('list.kind')}>
        <Select
          allowClear
          style={{ width: 100 }}
          options={Object.entries(KIND).map(([value, k]) => ({ value, label: pick(k) }))}
        />
      </Form.Item>
      {/* Two pickers, not a RangePicker: its inputs pass the focus back and forth, a keyboard trap. */}
      <Form.Item name="from" label={t('list.from')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="to" label={t('list.to')}>
        <DatePicker />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('list.filter')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('list.reset')}
        </Button>
      </Space>
    </Form>
  );
}
