// 考核: the assessment figures (docs/assessment.md). An institution sees its own figures beside
// the period before, over the months and (an enforcing court) its reply times; a provincial
// administrator ranks the province's institutions per kind and compares periods. The monthly
// report downloads as CSV (and, where the API can render it, PDF).
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useMe } from '../components/useMe.ts';
import { useText } from '../i18n/index.ts';
import { figuresQuery, seriesQuery } from '../assessment/api.ts';
import { ChartCard, ScrollRegion } from '../assessment/ChartCard.tsx';
import { rank, ranking, replyHistogram, trend, trendByInstitution } from '../assessment/charts.ts';
import { downloadApiFile, saveFile, tableCsv } from '../assessment/csv.ts';
import {
  addMonth,
  currentMonth,
  display,
  figureLabel,
  kindLabel,
  KINDS,
  periodChoices,
  periodLabel,
  previousPeriod,
  RANK_BY,
  SHOWN_FIGURES,
  TREND,
  type FiguresView,
  type Kind,
} from '../assessment/figures.ts';

/** The six months ending with the period's last month (the line over months). */
function monthsUpTo(period: string): { from: string; to: string } {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  const to = q ? `${q[1]}-${String(Number(q[2]) * 3).padStart(2, '0')}` : period;
  return { from: addMonth(to, -5), to };
}

export default function AssessmentPage() {
  const { pick, language } = useText();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [period, setPeriod] = useState(currentMonth());
  // ?institution=ID: one institution's figures (a provincial administrator's drill-down; anyone else: their own only).
  const institution = useSearchParams()[0].get('institution') ?? undefined;
  const kind = me?.institution.kind;
  const province = kind === 'PROVINCE';
  const assessed = province || (kind !== undefined && kind !== 'PROCURATORATE');
  const report = async (format: 'csv' | 'pdf') => {
    const ok = await downloadApiFile(
      `/api/assessment/report.${format}?month=${period}`,
      `assessment-${period}.${format}`,
    );
    if (!ok) void message.error(pick(['此部署不生成该格式的报告', 'This deployment does not produce this report']));
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {province ? pick(['全省考核', 'Provincial assessment']) : pick(['考核指标', 'Assessment'])}
      </Typography.Title>
      {!assessed && me && (
        <Typography.Text>{pick(['本机构不在考核范围内', 'This institution is not assessed'])}</Typography.Text>
      )}
      {assessed && (
        <>
          <Space wrap>
            <label htmlFor="assessment-period">{pick(['统计期间', 'Period'])}</label>
            <Select
              id="assessment-period"
              value={period}
              onChange={setPeriod}
              style={{ width: 180 }}
              options={periodChoices(currentMonth()).map((p) => ({ value: p, label: periodLabel(p, language) }))}
            />
            <Button onClick={() => void report('csv')} disabled={period.includes('Q')}>
              {pick(['导出月度报告（CSV）', 'Monthly report (CSV)'])}
            </Button>
            <Button onClick={() => void report('pdf')} disabled={period.includes('Q')}>
              {pick(['导出月度报告（PDF）', 'Monthly report (PDF)'])}
            </Button>
            <Typography.Text type="secondary">
              {pick([
                '按北京时间自然日统计；比较对象为上一期间。',
                'Counted per calendar day, China Standard Time; compared with the period before.',
              ])}
            </Typography.Text>
          </Space>
          {province && !institution ? (
            <ProvinceView period={period} />
          ) : (
            <InstitutionView period={period} institution={institution} />
          )}
        </>
      )}
    </Space>
  );
}

function useFigures(period: string, institution?: string) {
  const current = useQuery(figuresQuery(period, institution));
  const before = useQuery(figuresQuery(previousPeriod(period), institution));
  const { from, to } = monthsUpTo(period);
  const series = useQuery(seriesQuery(from, to, institution));
  const notFound = current.error instanceof ApiError && current.error.status === 404;
  return { current: current.data?.figures, previous: before.data?.figures ?? [], series: series.data, notFound };
}

function InstitutionView({ period, institution }: { period: string; institution: string | undefined }) {
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

function ProvinceView({ period }: { period: string }) {
  const { pick, language } = useText();
  const { current, previous, series } = useFigures(period);
  if (!current) return null;
  const kinds = KINDS.filter((k) => current.some((f) => f.kind === k));
  return (
    <Tabs
      items={kinds.map((kind) => ({
        key: kind,
        label: kind === 'SERVICE' ? pick(['联动机制（全国）', 'The linkage (national)']) : kindLabel(kind, language),
        children: (
          <KindPanel
            kind={kind}
            period={period}
            figures={current.filter((f) => f.kind === kind)}
            previous={previous.filter((f) => f.kind === kind)}
            series={series}
          />
        ),
      }))}
    />
  );
}

function KindPanel({
  kind,
  period,
  figures,
  previous,
  series,
}: {
  kind: Kind;
  period: string;
  figures: FiguresView[];
  previous: FiguresView[];
  series: ReturnType<typeof useFigures>['series'];
}) {
  const { pick, language, nameOf } = useText();
  const [by, setBy] = useState(RANK_BY[kind]);
  const ranked = rank(figures, previous, by);
  const names = SHOWN_FIGURES[kind];
  const header = [pick(['机构', 'Institution']), ...names.map((n) => figureLabel(n, language))];
  const rows = figures.map((f) => [nameOf(f), ...names.map((n) => display(f, n))]);
  const selectId = `rank-by-${kind}`;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {kind !== 'SERVICE' && (
        <Space>
          <label htmlFor={selectId}>{pick(['排名指标', 'Rank by'])}</label>
          <Select
            id={selectId}
            value={by}
            onChange={setBy}
            style={{ width: 260 }}
            options={names.map((n) => ({ value: n, label: figureLabel(n, language) }))}
          />
        </Space>
      )}
      {kind !== 'SERVICE' && (
        <ChartCard
          testId={`ranking-${kind}`}
          title={`${pick(['各机构排名与上期比较：', 'Ranking, and the period before: '])}${figureLabel(by, language)}`}
          csvName={`assessment-ranking-${kind}-${by}-${period}.csv`}
          {...ranking(ranked, by, { current: period, previous: previousPeriod(period) }, nameOf, language)}
        />
      )}
      <Card
        data-testid={`figures-${kind}`}
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{pick(['全部指标', 'All figures'])}</h2>}
        extra={
          <Button
            size="small"
            onClick={() =>
              saveFile(new Blob([tableCsv(header, rows)], { type: 'text/csv' }), `assessment-${kind}-${period}.csv`)
            }
          >
            {pick(['导出 CSV', 'Export CSV'])}
          </Button>
        }
      >
        <ScrollRegion label={pick(['全部指标', 'All figures'])}>
          <Table
            size="small"
            pagination={false}
            aria-label={pick(['全部指标', 'All figures'])}
            dataSource={figures.map((f, i) => ({
              key: f.institutionId,
              ...Object.fromEntries(rows[i]!.map((v, j) => [String(j), v])),
            }))}
            onRow={(r) => ({ 'data-institution': r.key }) as React.HTMLAttributes<HTMLElement>}
            columns={header.map((h, j) => ({
              title: h,
              dataIndex: String(j),
              ...(j > 0 ? { align: 'right' as const } : {}),
            }))}
          />
        </ScrollRegion>
      </Card>
      {series && (
        <ChartCard
          testId={`trend-${kind}`}
          title={`${pick(['近六个月：', 'The last six months: '])}${figureLabel(by, language)}`}
          csvName={`assessment-trend-${kind}-${by}.csv`}
          {...trendByInstitution(
            series,
            figures.map((f) => f.institutionId),
            by,
            (id) => nameOf(figures.find((f) => f.institutionId === id)),
            language,
          )}
        />
      )}
      {kind === 'ENFORCING_COURT' && (
        <ChartCard
          testId="reply-days"
          title={pick(['全省核实函答复用时分布', 'Reply times to verification requests, whole province'])}
          csvName={`assessment-reply-days-${period}.csv`}
          {...replyHistogram(figures, language)}
        />
      )}
    </Space>
  );
}
