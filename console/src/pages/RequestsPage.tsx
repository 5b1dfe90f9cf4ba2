// An enforcing court's verification requests by due date, with countdowns; a procuratorate's
// overdue ones, grouped by enforcing court.
import { useQuery } from '@tanstack/react-query';
import { Card, Space, Typography } from 'antd';
import { apiGet, type Page, type RequestView } from '../api/client.ts';
import { RequestsTable } from '../components/CaseSections.tsx';
import { useMe } from '../components/useMe.ts';
import { useText } from '../i18n/index.ts';
import { AnswerLinks } from '../forms/AnswerLinks.tsx';

export default function RequestsPage() {
  const { t, pick, nameOf } = useText();
  const { data: me } = useMe();
  const overdueOnly = me?.institution.kind === 'PROCURATORATE';
  const query = useQuery({
    queryKey: ['requests', overdueOnly],
    queryFn: () =>
      apiGet<Page<RequestView>>('/api/requests', { limit: '100', ...(overdueOnly ? { overdue: 'true' } : {}) }),
    enabled: me !== undefined,
  });
  const rows = query.data?.rows ?? [];
  const byCourt = new Map<string, RequestView[]>();
  for (const r of rows) byCourt.set(nameOf(r.enforcingCourt), [...(byCourt.get(nameOf(r.enforcingCourt)) ?? []), r]);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {overdueOnly ? t('requests.titleOverdue') : t('requests.title')}
      </Typography.Title>
      {overdueOnly ? (
        [...byCourt.entries()].map(([court, list]) => (
          <Card
            key={court}
            title={
              <h2 style={{ fontSize: 16, margin: 0 }}>
                {court}（{list.length}）
              </h2>
            }
          >
            <RequestsTable requests={list} showApplication />
          </Card>
        ))
      ) : (
        <RequestsTable
          requests={rows}
          showApplication
          {...(me?.institution.kind === 'ENFORCING_COURT'
            ? { action: { title: pick(['答复', 'Answer']), render: (r: RequestView) => <AnswerLinks request={r} /> } }
            : {})}
        />
      )}
      {overdueOnly && rows.length === 0 && query.isSuccess && (
        <Typography.Text type="secondary">{t('list.none')}</Typography.Text>
      )}
    </Space>
  );
}
