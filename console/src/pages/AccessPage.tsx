// The procuratorate's review of the access record: who opened which case of its prison, when.
import { useQuery } from '@tanstack/react-query';
import { Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { apiGet, type AccessEntry, type Page } from '../api/client.ts';
import { dateTime } from '../components/format.ts';
import { ROLE } from '../i18n/glossary.ts';
import { useText } from '../i18n/index.ts';

export default function AccessPage() {
  const { t, pick, nameOf } = useText();
  const query = useQuery({
    queryKey: ['access'],
    queryFn: () => apiGet<Page<AccessEntry>>('/api/access', { limit: '100' }),
  });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('access.title')}
      </Typography.Title>
      <Table
        loading={query.isLoading}
        pagination={false}
        rowKey={(r) => `${r.viewedAt}-${r.username}-${r.applicationId}`}
        dataSource={query.data?.rows ?? []}
        columns={[
          { title: t('access.viewedAt'), key: 'v', render: (_, r) => dateTime(r.viewedAt) },
          { title: t('access.user'), dataIndex: 'username' },
          { title: t('access.role'), key: 'r', render: (_, r) => pick(ROLE[r.userRole], r.userRole) },
          { title: t('access.institution'), key: 'i', render: (_, r) => nameOf(r.institution) },
          {
            title: t('requests.application'),
            key: 'a',
            render: (_, r) => <Link to={`/cases/${encodeURIComponent(r.applicationId)}`}>{r.applicationId}</Link>,
          },
          {
            title: t('access.what'),
            key: 'w',
            render: (_, r) => (r.what === 'print' ? t('access.print') : t('access.case')),
          },
        ]}
      />
    </Space>
  );
}
