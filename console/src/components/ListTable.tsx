// The case list's table: a plain <table> in antd's look. The list is the first page most users
// open, and antd's Table was about a tenth of its load on these machines (a context and hover
// state per cell, and a forced layout on mount to size a scrollbar this list never shows). The
// list needs none of its features: no sorting, paging, fixed columns or selection; the other
// pages keep antd's Table. Its stylesheet (list-table.css) loads with the entry's, in main.tsx,
// so the first page waits for no stylesheet of its own.
import { Empty, Spin } from 'antd';
import type { ReactNode } from 'react';

export interface ListColumn<Row> {
  readonly key: string;
  readonly title: ReactNode;
  readonly render: (row: Row) => ReactNode;
}

export function ListTable<Row>({
  rows,
  rowKey,
  columns,
  loading = false,
  testId,
}: {
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  columns: readonly ListColumn<Row>[];
  loading?: boolean;
  testId?: string;
}) {
  return (
    <Spin spinning={loading}>
      <div className="list-table" data-testid={testId}>
        <table>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col">
                  {column.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)} data-row-key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.key}>{column.render(row)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && !loading && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} className="list-table-empty" />}
      </div>
    </Spin>
  );
}
