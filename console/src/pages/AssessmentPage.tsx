// 考核: the assessment figures (docs/assessment.md). An institution sees its own figures beside
// the period before, over the months and (an enforcing court) its reply times; a provincial
// administrator ranks the province's institutions per kind and compares periods. The monthly
// report downloads as CSV (and, where the API can render it, PDF).
import { App, Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../components/useMe.ts';
import { useText } from '../i18n/index.ts';
import { downloadApiFile } from '../assessment/csv.ts';
import { currentMonth, periodChoices, periodLabel } from '../assessment/figures.ts';
import { InstitutionView } from '../assessment/InstitutionView.tsx';
import { ProvinceView } from '../assessment/ProvinceView.tsx';

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
