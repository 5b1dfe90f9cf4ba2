// The case for the file: A4, the hearing court's letterhead, the print date. Printing is a view
// like any other and is written to the access record as such.
import { Alert, Button, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
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

const PRINT_CSS = `
@page { size: A4; margin: 18mm 16mm; }
@media print { .no-print { display: none !important; } body { background: #fff; } }
.sheet { max-width: 210mm; margin: 0 auto; padding: 16mm 14mm; background: #fff; color: #000; }
.letterhead { text-align: center; border-bottom: 3px double #a8071a; padding-bottom: 8px; margin-bottom: 16px; }
.sheet .ant-table { font-size: 12px; }
.sheet .ant-table-cell { padding: 4px 6px !important; word-break: keep-all; }
.letterhead .court { font-size: 26px; font-weight: 700; color: #a8071a; letter-spacing: 4px; font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; }
`;

export default function PrintPage() {
  const { applicationId = '' } = useParams();
  const { t, nameOf } = useText();
  const query = useCase(applicationId, 'print');
  if (query.isLoading) return <Spin />;
  if (query.error || !query.data) return <Alert type="warning" title={t('errors.notFound')} data-testid="case-error" />;
  const detail = query.data;
  return (
    <main className="sheet" data-testid="print-sheet">
      <style>{PRINT_CSS}</style>
      <div className="no-print" style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 12 }}>
        <Link to={`/cases/${encodeURIComponent(applicationId)}`}>← {t('print.back')}</Link>
        <Button type="primary" onClick={() => window.print()}>
          {t('print.printButton')}
        </Button>
      </div>
      <header className="letterhead">
        <div className="court">{nameOf(detail.hearingCourt)}</div>
        <Typography.Title level={1} style={{ fontSize: 20, margin: '8px 0 0' }}>
          {t('print.heading')}
        </Typography.Title>
        <div>
          {detail.applicationId} · {t('print.printedOn', { date: dayjs().format('YYYY-MM-DD') })}
        </div>
      </header>
      <CaseFacts detail={detail} />
      <DecisionSummary flag={detail.current} />
      {detail.current && (
        <>
          <Reasons flag={detail.current} />
          <Remedies flag={detail.current} />
          <ItemsLedger flag={detail.current} />
        </>
      )}
      {detail.requests.length > 0 && <RequestsTable requests={detail.requests} />}
      <Rulings detail={detail} />
      <History detail={detail} />
      <Typography.Paragraph style={{ marginTop: 24, fontSize: 12 }}>{t('print.note')}</Typography.Paragraph>
    </main>
  );
}
