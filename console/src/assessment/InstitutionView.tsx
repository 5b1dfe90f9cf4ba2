// An institution's own figures: the table beside the period before, the six-month line and
// (an enforcing court) the distribution of its reply times.
import { Button, Card, Table, Typography } from 'antd';
import { useText } from '../i18n/index.ts';
import { ChartCard } from './ChartCard.tsx';
import { replyHistogram, trend } from './charts.ts';
import { saveFile, tableCsv } from './csv.ts';
import { display, figureLabel, periodLabel, previousPeriod, SHOWN_FIGURES, TREND } from './figures.ts';
import { useFigures } from './useFigures.ts';

export function InstitutionView({ period, institution }: { period: string; institution: string | undefined }) {
  const { pick, language } = useText();
  const { current, previous, series, notFound } = useFigures(period, institution);
  const mine = current?.[0];
  if (notFound)
    return (
      <Typography.Text type="danger" data-testid="assessment-error">
        {pick(['未找到该机构的考核数据，或您无权查看', 'No such figures, or not yours to see'])}
      </Typography.Text>
    );
  if (!mine) return null;
  const before = previous[0];
  const rows = SHOWN_FIGURES[mine.kind].map((name) => ({
    key: name,
    name,
    label: figureLabel(name, language),
    value: display(mine, name),
    previous: before ? display(before, name) : '—',
  }));
  const header = [
    pick(['指标', 'Figure']),
    periodLabel(period, language),
    periodLabel(previousPeriod(period), language),
  ];
  return (
    <>
      <Card
        data-testid="own-figures"
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{pick(['本期指标', 'Figures of the period'])}</h2>}
        extra={
          <Button
            size="small"
            onClick={() =>
              saveFile(
                new Blob(
                  [
                    tableCsv(
                      header,
                      rows.map((r) => [r.label, r.value, r.previous]),
                    ),
                  ],
                  { type: 'text/csv' },
                ),
                `assessment-${mine.institutionId}-${period}.csv`,
              )
            }
          >
            {pick(['导出 CSV', 'Export CSV'])}
          </Button>
        }
      >
        <Table
          size="small"
          pagination={false}
          dataSource={rows}
          aria-label={pick(['本期指标', 'Figures of the period'])}
          onRow={(r) => ({ 'data-figure': r.name }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: header[0], dataIndex: 'label' },
            { title: header[1], dataIndex: 'value', align: 'right' },
            { title: header[2], dataIndex: 'previous', align: 'right' },
          ]}
        />
      </Card>
      {series && (
        <ChartCard
          testId="trend"
          title={pick(['近六个月趋势', 'The last six months'])}
          csvName={`assessment-trend-${mine.institutionId}.csv`}
          {...trend(series, mine.institutionId, TREND[mine.kind], language)}
        />
      )}
      {mine.kind === 'ENFORCING_COURT' && (
        <ChartCard
          testId="reply-days"
          title={pick(['核实函答复用时分布', 'Reply times to verification requests'])}
          csvName={`assessment-reply-days-${mine.institutionId}-${period}.csv`}
          {...replyHistogram([mine], language)}
        />
      )}
    </>
  );
}
