// A provincial administrator's view: per kind of institution, the ranking with the period
// before, all figures, each institution over six months, and (courts) the reply times.
import { Button, Card, Select, Space, Table, Tabs } from 'antd';
import { useState } from 'react';
import { useText } from '../i18n/index.ts';
import { ChartCard, ScrollRegion } from './ChartCard.tsx';
import { rank, ranking, replyHistogram, trendByInstitution } from './charts.ts';
import { saveFile, tableCsv } from './csv.ts';
import {
  display,
  figureLabel,
  kindLabel,
  KINDS,
  previousPeriod,
  RANK_BY,
  SHOWN_FIGURES,
  type FiguresView,
  type Kind,
} from './figures.ts';
import { useFigures } from './useFigures.ts';

export function ProvinceView({ period }: { period: string }) {
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
