// The institution's applications: a hearing court filters and searches; a prison sees its own;
// a procuratorate sees its prison's, with the alerts (REVOKE, found after a grant) on top.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { apiGet, type CaseListRow, type Page } from '../api/client.ts';
import { casesQuery } from '../api/queries.ts';
import { DecisionBadge } from '../components/DecisionBadge.tsx';
import { ListTable, type ListColumn } from '../components/ListTable.tsx';
import { dateTime } from '../components/format.ts';
import { useAfterFirstPaint } from '../components/useAfterFirstPaint.ts';
import { useMe } from '../components/useMe.ts';
import type { CaseFilterValues } from '../components/CaseFilters.tsx';
import { KIND, MATERIAL, MATERIAL_SHORT, RULING } from '../i18n/glossary.ts';
import { useText } from '../i18n/index.ts';

// Its own chunk, fetched once the rows are painted (a placeholder of its height until then).
const CaseFilters = lazy(() => import('../components/CaseFilters.tsx'));
const FILTERS_PLACEHOLDER = <div className="list-filters-placeholder" />;

export default function CaseListPage() {
  const { t, pick, nameOf } = useText();
  const { data: me } = useMe();
  const [filters, setFilters] = useState<CaseFilterValues>({});
  // The rows first; the filter bar's code is fetched and run from the frame after.
  const filtersShown = useAfterFirstPaint();
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
  const columns: ListColumn<CaseListRow>[] = [
    {
      key: 'applicationId',
      title: t('list.applicationId'),
      render: (row) => <Link to={`/cases/${encodeURIComponent(row.applicationId)}`}>{row.applicationId}</Link>,
    },
    {
      key: 'prisoner',
      title: t('list.prisoner'),
      render: (row) => (
        <span>
          {row.prisoner.name}
          <br />
          <span className="secondary-text">{row.prisoner.prisonerNo}</span>
        </span>
      ),
    },
    ...(kind === 'HEARING_COURT'
      ? [{ key: 'prison', title: t('list.prison'), render: (row: CaseListRow) => nameOf(row.prison) }]
      : []),
    { key: 'kind', title: t('list.kind'), render: (row) => pick(KIND[row.kind]) },
    { key: 'submittedAt', title: t('list.submittedAt'), render: (row) => dateTime(row.submittedAt) },
    { key: 'decision', title: t('list.decision'), render: (row) => <DecisionBadge decision={row.decision} /> },
    ...(kind === 'PRISON'
      ? [
          {
            key: 'missing',
            title: t('list.missing'),
            render: (row: CaseListRow) =>
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
    { key: 'revision', title: t('list.revision'), render: (row) => (row.revision ? `r${row.revision}` : '—') },
    { key: 'ruling', title: t('list.ruling'), render: (row) => (row.ruling ? pick(RULING[row.ruling.outcome]) : '—') },
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
            <ListTable
              rowKey={(row) => row.applicationId}
              columns={columns}
              rows={alerts.data?.rows ?? []}
              loading={alerts.isLoading}
            />
          )}
        </Card>
      )}
      {kind === 'HEARING_COURT' && (
        <Suspense fallback={FILTERS_PLACEHOLDER}>
          {filtersShown ? <CaseFilters me={me} onChange={setFilters} /> : FILTERS_PLACEHOLDER}
        </Suspense>
      )}
      {cases.isError && <Alert type="error" title={t('errors.generic')} />}
      <ListTable
        rowKey={(row) => row.applicationId}
        columns={columns}
        rows={rows}
        loading={cases.isLoading}
        testId="case-list"
      />
      {cases.hasNextPage && (
        <Button onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>
          {t('list.more')}
        </Button>
      )}
    </Space>
  );
}
