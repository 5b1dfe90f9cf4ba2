// The institution's applications: a hearing court filters and searches; a prison sees its own;
// a procuratorate sees its prison's, with the alerts (REVOKE, found after a grant) on top.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiGet, type CaseListRow, type Page } from '../api/client.ts';
import { casesQuery } from '../api/queries.ts';
import { DecisionBadge } from '../components/DecisionBadge.tsx';
import { dateTime } from '../components/format.ts';
import { useMe } from '../components/useMe.ts';
import { DECISION, KIND, MATERIAL, MATERIAL_SHORT, RULING } from '../i18n/glossary.ts';
import { useText } from '../i18n/index.ts';

interface Filters {
  decision?: string;
  prisonId?: string;
  kind?: string;
  from?: string;
  to?: string;
  q?: string;
}

export default function CaseListPage() {
  const { t, pick, nameOf } = useText();
  const { data: me } = useMe();
  const [filters, setFilters] = useState<Filters>({});
  const [form] = Form.useForm();
  const kind = me?.institution.kind;
  // The API scopes the list by the token: no need to wait for /api/me.
  const cases = useInfiniteQuery(casesQuery({ ...filters }));
  const alerts = useQuery({
    queryKey: ['alerts'],
    queryFn: () => apiGet<Page<CaseListRow>>('/api/cases', { decision: 'REVOKE', limit: '50' }),
    enabled: kind === 'PROCURATORATE',
  });
  const rows = cases.data?.pages.flatMap((p) => p.rows) ?? [];
  const title =
    kind === 'PRISON'
      ? t('list.titlePrison')
      : kind === 'PROCURATORATE'
        ? t('list.titleProcuratorate', { prison: nameOf(me?.prison) })
        : t('list.title');
  const apply = (values: {
    decision?: string;
    prisonId?: string;
    kind?: string;
    from?: Dayjs | null;
    to?: Dayjs | null;
    q?: string;
  }) =>
    setFilters({
      ...(values.decision ? { decision: values.decision } : {}),
      ...(values.prisonId ? { prisonId: values.prisonId } : {}),
      ...(values.kind ? { kind: values.kind } : {}),
      ...(values.from ? { from: values.from.format('YYYY-MM-DD') } : {}),
      ...(values.to ? { to: values.to.format('YYYY-MM-DD') } : {}),
      ...(values.q?.trim() ? { q: values.q.trim() } : {}),
    });
  const columns = [
    {
      title: t('list.applicationId'),
      dataIndex: 'applicationId',
      render: (id: string) => <Link to={`/cases/${encodeURIComponent(id)}`}>{id}</Link>,
    },
    {
      title: t('list.prisoner'),
      key: 'prisoner',
      render: (_: unknown, row: CaseListRow) => (
        <span>
          {row.prisoner.name}
          <br />
          <Typography.Text type="secondary">{row.prisoner.prisonerNo}</Typography.Text>
        </span>
      ),
    },
    ...(kind === 'HEARING_COURT'
      ? [{ title: t('list.prison'), key: 'prison', render: (_: unknown, row: CaseListRow) => nameOf(row.prison) }]
      : []),
    { title: t('list.kind'), dataIndex: 'kind', render: (k: string) => pick(KIND[k]) },
    { title: t('list.submittedAt'), dataIndex: 'submittedAt', render: (s: string) => dateTime(s) },
    {
      title: t('list.decision'),
      key: 'decision',
      render: (_: unknown, row: CaseListRow) => <DecisionBadge decision={row.decision} />,
    },
    ...(kind === 'PRISON'
      ? [
          {
            title: t('list.missing'),
            key: 'missing',
            render: (_: unknown, row: CaseListRow) =>
              !row.missingMaterials?.length ? (
                t('list.none')
              ) : (
                <Space size={[4, 4]} wrap data-testid="missing-materials">
                  {row.missingMaterials.map((m) => (
                    <Tag key={m} color="orange" title={pick(MATERIAL[m], m)}>
                      {pick(MATERIAL_SHORT[m], m)}
                    </Tag>
                  ))}
                </Space>
              ),
          },
        ]
      : []),
    { title: t('list.revision'), dataIndex: 'revision', render: (r: number | null) => (r ? `r${r}` : '—') },
    {
      title: t('list.ruling'),
      key: 'ruling',
      render: (_: unknown, row: CaseListRow) => (row.ruling ? pick(RULING[row.ruling.outcome]) : '—'),
    },
  ];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {title}
      </Typography.Title>
      {kind === 'PROCURATORATE' && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('list.alerts')}</h2>} data-testid="alerts">
          {alerts.data && alerts.data.rows.length === 0 ? (
            <Typography.Text type="secondary">{t('list.noAlerts')}</Typography.Text>
          ) : (
            <Table
              rowKey="applicationId"
              size="small"
              columns={columns}
              dataSource={alerts.data?.rows ?? []}
              pagination={false}
            />
          )}
        </Card>
      )}
      {kind === 'HEARING_COURT' && (
        <Form form={form} layout="inline" onFinish={apply} role="search" aria-label={t('list.filter')}>
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
                setFilters({});
              }}
            >
              {t('list.reset')}
            </Button>
          </Space>
        </Form>
      )}
      {cases.isError && <Alert type="error" title={t('errors.generic')} />}
      <Table
        rowKey="applicationId"
        columns={columns}
        dataSource={rows}
        loading={cases.isLoading}
        pagination={false}
        data-testid="case-list"
      />
      {cases.hasNextPage && (
        <Button onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>
          {t('list.more')}
        </Button>
      )}
    </Space>
  );
}
