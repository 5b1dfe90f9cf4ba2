// What this institution sent that the service refused: each problem's field and message, the
// original message as received, and "correct and resend".
import { useQuery } from '@tanstack/react-query';
import { Space, Table, Typography } from 'antd';
import { OriginalMessage } from '../forms/OriginalMessage.tsx';
import { apiGet, type Page, type Rejection } from '../api/client.ts';
import { dateTime } from '../components/format.ts';
import { useText } from '../i18n/index.ts';
import { useMe } from '../components/useMe.ts';
import { CorrectButton } from '../forms/CorrectButton.tsx';
import { zhMessage } from '../forms/messages-zh.ts';

export default function RejectionsPage() {
  const { t, pick } = useText();
  const { data: me } = useMe();
  const sends = me !== undefined && me.institution.kind !== 'PROCURATORATE';
  const query = useQuery({
    queryKey: ['rejections'],
    queryFn: () => apiGet<Page<Rejection>>('/api/rejections', { limit: '50' }),
  });
  const rows = (query.data?.rows ?? []).flatMap((r, index) =>
    r.problems.map((p, i) => ({
      key: `${index}-${i}`,
      ...r,
      path: p.path,
      message: p.message,
      first: i === 0,
      span: r.problems.length,
    })),
  );
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('rejections.title')}
      </Typography.Title>
      <Table
        loading={query.isLoading}
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t('rejections.receivedAt'),
            key: 'at',
            render: (_, r) => dateTime(r.receivedAt),
            onCell: (r) => ({ rowSpan: r.first ? r.span : 0 }),
          },
          {
            title: t('rejections.reason'),
            key: 're',
            render: (_, r) => `${r.reason}${r.messageId ? ` · ${r.messageId}` : ''}`,
            onCell: (r) => ({ rowSpan: r.first ? r.span : 0 }),
          },
          { title: t('rejections.field'), dataIndex: 'path', render: (p: string) => <code>{p}</code> },
          { title: t('rejections.message'), dataIndex: 'message', render: (m: string) => pick([zhMessage(m), m]) },
          ...(sends
            ? [
                {
                  title: pick(['操作', 'Action']),
                  key: 'fix',
                  render: (_: unknown, r: (typeof rows)[number]) => (
                    <Space direction="vertical" align="start">
                      <CorrectButton rejection={r} />
                      <OriginalMessage rejectionRef={r.ref} />
                    </Space>
                  ),
                  onCell: (r: (typeof rows)[number]) => ({ rowSpan: r.first ? r.span : 0 }),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
