// A chart with its data table beside it and a button that saves the table as CSV: every chart
// of the assessment page is one of these, so no number is only in a picture.
import { Button, Card, Col, Row, Table } from 'antd';
import { useText } from '../i18n/index.ts';
import { EChart, type ChartOption } from './EChart.tsx';
import { saveFile, tableCsv } from './csv.ts';

export interface DataTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

export function ChartCard({
  title,
  option,
  table,
  csvName,
  testId,
}: {
  title: string;
  option: ChartOption;
  table: DataTable;
  csvName: string;
  testId: string;
}) {
  const { pick } = useText();
  const columns = table.header.map((h, i) => ({ title: h, dataIndex: String(i), key: String(i) }));
  const data = table.rows.map((r, i) => ({ key: i, ...Object.fromEntries(r.map((v, j) => [String(j), v])) }));
  return (
    <Card
      data-testid={testId}
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}
      extra={
        <Button
          size="small"
          onClick={() => saveFile(new Blob([tableCsv(table.header, table.rows)], { type: 'text/csv' }), csvName)}
        >
          {pick(['导出 CSV', 'Export CSV'])}
        </Button>
      }
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={13}>
          <EChart option={option} label={title} />
        </Col>
        <Col xs={24} xl={11}>
          <ScrollRegion label={title} maxHeight={320}>
            <Table size="small" columns={columns} dataSource={data} pagination={false} aria-label={title} />
          </ScrollRegion>
        </Col>
      </Row>
    </Card>
  );
}

/** A scrolling box the keyboard can reach (focusable, named), so long tables stay usable without a mouse. */
export function ScrollRegion({
  label,
  maxHeight,
  children,
}: {
  label: string;
  maxHeight?: number;
  children: React.ReactNode;
}) {
  return (
    // Focusable: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <div role="region" aria-label={label} tabIndex={0} style={{ maxHeight, overflow: 'auto' }}>
      {children}
    </div>
  );
}
