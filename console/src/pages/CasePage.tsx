// One application: the decision as a large badge, the reasons with their articles, what would
// clear it, the items ledger, the verification requests with countdowns and the history.
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import {
  CaseFacts,
  DecisionSummary,
  History,
  ItemsLedger,
  Reasons,
  Remedies,
  RequestsTable,
  Rulings,
} from '../components/CaseSections.tsx';
import { useCase } from '../components/useCase.ts';
import { useText } from '../i18n/index.ts';
import { useMe } from '../components/useMe.ts';
import { RulingForm } from '../forms/RulingForm.tsx';
import { OwnItemActions } from '../forms/OwnItemActions.tsx';
import { useLiveCase } from '../forms/useLiveCase.ts';
import { dossierSupplementPath } from '../forms/paths.ts';

export default function CasePage() {
  const { applicationId = '' } = useParams();
  const { t, pick } = useText();
  const query = useCase(applicationId, 'case');
  const { data: me } = useMe();
  useLiveCase(applicationId, query.data);
  if (query.isLoading) return <Spin />;
  if (query.error)
    return (
      <Alert
        type={query.error instanceof ApiError && query.error.status === 404 ? 'warning' : 'error'}
        title={
          query.error instanceof ApiError && query.error.status === 404 ? t('errors.notFound') : t('errors.generic')
        }
        data-testid="case-error"
      />
    );
  const detail = query.data!;
  return (
    <article>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Link to="/cases">← {t('case.back')}</Link>
        <Link to={`/cases/${encodeURIComponent(applicationId)}/print`}>
          <Button type="primary" tabIndex={-1}>
            {t('case.print')}
          </Button>
        </Link>
      </Space>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {detail.applicationId}
      </Typography.Title>
      <CaseFacts detail={detail} />
      <DecisionSummary flag={detail.current} />
      {detail.current && (
        <>
          <Reasons flag={detail.current} />
          <Remedies flag={detail.current} />
          <ItemsLedger flag={detail.current} />
        </>
      )}
      {detail.requests.length > 0 && (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
            {t('case.requests')}
          </Typography.Title>
          <RequestsTable requests={detail.requests} />
        </>
      )}
      <Rulings detail={detail} />
      {me?.institution.kind === 'HEARING_COURT' && <RulingForm applicationId={applicationId} />}
      {me?.institution.kind === 'ENFORCING_COURT' && detail.current && (
        <OwnItemActions applicationId={applicationId} flag={detail.current} courtId={me.institution.id} />
      )}
      {me?.institution.kind === 'PRISON' && (
        <Link to={dossierSupplementPath(applicationId)}>
          <Button style={{ marginTop: 24 }} tabIndex={-1}>
            {pick(['补充材料（提交新版本）', 'Supplement (send a new version)'])}
          </Button>
        </Link>
      )}
      <History detail={detail} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 24 }}>
        {t('case.viewed')}
      </Typography.Paragraph>
    </article>
  );
}
