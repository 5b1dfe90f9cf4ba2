// An enforcing court's payment records from its own system's CSV export: the same columns and
// the same parser as `linkage import statuses` (shared/contract/status-csv.ts). Every row is
// checked before anything is sent; the bad ones are listed by line and can be downloaded as
// the same `.rejected.csv` the CLI writes; the good ones are sent with a progress bar.
import { Alert, Button, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  checkRow,
  headerProblems,
  lineLabel,
  parseCsvRows,
  rejectedCsvLines,
  type CsvRow,
  type RejectedRow,
} from '../../../shared/contract/status-csv.ts';
import { formatInstant } from '../../../shared/time/calendar.ts';
import { apiPost } from '../api/client.ts';
import { useMe } from '../components/useMe.ts';
import { useText } from '../i18n/index.ts';
import { zhMessage } from '../forms/messages-zh.ts';

interface Checked {
  readonly row: CsvRow;
  readonly body?: Record<string, unknown>;
  readonly problems: string[];
}

interface Outcomes {
  readonly accepted: number;
  /** Acknowledged without effect: the same or a newer version of the item was stored already. */
  readonly unchanged: number;
  readonly pending: number;
  readonly refused: RejectedRow[];
}

interface Loaded {
  readonly name: string;
  readonly header: string[];
  readonly rows: Checked[];
}

/** The preview's message id: the console's API names the message it sends itself. */
const PREVIEW_ID = () => 'console:csv-preview';
const PARALLEL = 4;
/** Seconds to wait for the service's word on the sent rows. */
const OUTCOME_ROUNDS = 30;

function problemZh(problem: string): string {
  const at = problem.indexOf(': ');
  return at > 0 ? `${problem.slice(0, at)}：${zhMessage(problem.slice(at + 2))}` : zhMessage(problem);
}

export default function CsvUploadPage() {
  const { pick } = useText();
  const { data: me } = useMe();
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [fileProblems, setFileProblems] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number; failed: RejectedRow[] } | undefined>();
  const [outcomes, setOutcomes] = useState<Outcomes | undefined>();
  const courtId = me?.institution.id ?? '';

  const read = async (file: File) => {
    setProgress(undefined);
    setOutcomes(undefined);
    setLoaded(undefined);
    const rows = parseCsvRows(await file.text());
    if (typeof rows === 'string') return setFileProblems([rows]);
    const [header, ...records] = rows;
    if (!header) return setFileProblems([pick(['文件为空', 'The file is empty'])]);
    const problems = headerProblems(header.fields);
    if (problems.length > 0)
      return setFileProblems(problems.map((p) => `${pick(['第', 'line '])}${header.line}${pick(['行', ''])}：${p}`));
    setFileProblems([]);
    const sentAt = formatInstant(Date.now(), 8 * 60);
    setLoaded({
      name: file.name,
      header: header.fields,
      rows: records.map((row) => {
        const result = checkRow(header.fields, row, courtId, sentAt, PREVIEW_ID);
        return result.ok ? { row, body: result.message.body, problems: [] } : { row, problems: [...result.problems] };
      }),
    });
  };

  const good = loaded?.rows.filter((r) => r.body) ?? [];
  const bad = loaded?.rows.filter((r) => !r.body) ?? [];
  const rejected: RejectedRow[] = [
    ...bad.map((r) => ({ row: r.row, problems: r.problems })),
    ...(progress?.failed ?? []),
    ...(outcomes?.refused ?? []),
  ];

  const sendGood = async () => {
    const queue = [...good];
    const failed: RejectedRow[] = [];
    const sent: { row: CsvRow; receipt: string }[] = [];
    let done = 0;
    setProgress({ done, total: queue.length, failed });
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const result = await apiPost<{ receipt: string }>('/api/messages', {
          schema: 'linkage.enforcement-status.v1',
          body: next.body,
        });
        if (result.ok) sent.push({ row: next.row, receipt: result.value.receipt });
        else
          failed.push({
            row: next.row,
            problems:
              result.problems.length > 0
                ? result.problems.map((p) => `${p.path.replace(/^body\./, '')}: ${p.message}`)
                : [result.error],
          });
        done += 1;
        setProgress({ done, total: good.length, failed: [...failed] });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    await followOutcomes(sent);
  };

  /** What the service made of each sent row: accepted, or refused with its problems (downloadable too). */
  const followOutcomes = async (sent: { row: CsvRow; receipt: string }[]) => {
    let waiting = sent;
    let accepted = 0;
    let unchanged = 0;
    const refused: RejectedRow[] = [];
    for (let round = 0; round < OUTCOME_ROUNDS && waiting.length > 0; round += 1) {
      setOutcomes({ accepted, unchanged, pending: waiting.length, refused: [...refused] });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const still: typeof waiting = [];
      for (const item of waiting) {
        const outcome = await apiPost<{ state: string; problems?: { path: string; message: string }[] }>(
          '/api/messages/outcome',
          { receipt: item.receipt },
        );
        if (outcome.ok && outcome.value.state === 'accepted') accepted += 1;
        else if (outcome.ok && outcome.value.state === 'stale') unchanged += 1;
        else if (outcome.ok && outcome.value.state === 'rejected')
          refused.push({
            row: item.row,
            problems: (outcome.value.problems ?? []).map((p) => `${p.path.replace(/^body\./, '')}: ${p.message}`),
          });
        else still.push(item);
      }
      waiting = still;
    }
    setOutcomes({ accepted, unchanged, pending: waiting.length, refused });
  };

  const download = () => {
    if (!loaded) return;
    const text = `${rejectedCsvLines(loaded.header, rejected, true).join('\n')}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${loaded.name}.rejected.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {pick(['导入缴款记录（CSV）', 'Import payment records (CSV)'])}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {pick([
          '列与 linkage import statuses 相同（首行为列名；金额为分）。发送前逐行检查，有问题的行按行号列出，不会发送。',
          'Same columns as linkage import statuses (header row; money in fen). Every row is checked first; bad rows are listed by line and not sent.',
        ])}
      </Typography.Paragraph>
      <div>
        <label htmlFor="csv-file" style={{ display: 'block', marginBottom: 4 }}>
          {pick(['选择 CSV 文件', 'Choose a CSV file'])}
        </label>
        <input
          id="csv-file"
          type="file"
          accept=".csv,text/csv"
          data-testid="csv-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void read(file);
          }}
        />
      </div>
      {fileProblems.length > 0 && (
        <Alert
          type="error"
          role="alert"
          title={pick(['文件无法导入', 'The file cannot be imported'])}
          description={fileProblems.join('；')}
        />
      )}
      {loaded && (
        <>
          <Space wrap>
            <Tag color="#237804" data-testid="csv-good">
              {pick([`可发送 ${good.length} 行`, `${good.length} rows to send`])}
            </Tag>
            <Tag color="#a8071a" data-testid="csv-bad">
              {pick([`有问题 ${bad.length} 行`, `${bad.length} rows with problems`])}
            </Tag>
            <Button
              type="primary"
              onClick={() => void sendGood()}
              disabled={good.length === 0 || progress !== undefined}
              data-testid="csv-send"
            >
              {pick(['发送无误的行', 'Send the good rows'])}
            </Button>
            <Button onClick={download} disabled={rejected.length === 0} data-testid="csv-download">
              {pick(['下载问题行（.rejected.csv）', 'Download the bad rows (.rejected.csv)'])}
            </Button>
          </Space>
          {progress && (
            <div role="status" aria-live="polite">
              <Progress
                percent={progress.total === 0 ? 100 : Math.round((progress.done / progress.total) * 100)}
                aria-label={pick(['发送进度', 'Sending progress'])}
              />
              <span data-testid="csv-progress">
                {pick([
                  `已发送 ${progress.done - progress.failed.length} / ${progress.total} 行`,
                  `${progress.done - progress.failed.length} of ${progress.total} rows sent`,
                ])}
                {progress.failed.length > 0 &&
                  pick([`，${progress.failed.length} 行被拒绝`, `, ${progress.failed.length} refused`])}
              </span>
              {outcomes && (
                <div data-testid="csv-outcomes">
                  {pick([
                    `平台已接收 ${outcomes.accepted} 行，退回 ${outcomes.refused.length} 行${outcomes.unchanged > 0 ? `，${outcomes.unchanged} 行为已收到的同一或更早版本（未作更改）` : ''}${outcomes.pending > 0 ? `，${outcomes.pending} 行待确认` : ''}`,
                    `${outcomes.accepted} accepted, ${outcomes.refused.length} rejected by the service${outcomes.unchanged > 0 ? `, ${outcomes.unchanged} unchanged (that version or a newer one was received already)` : ''}${outcomes.pending > 0 ? `, ${outcomes.pending} not yet known` : ''}`,
                  ])}
                </div>
              )}
            </div>
          )}
          <Table
            size="small"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            rowKey={(r) => String(r.row.line)}
            dataSource={loaded.rows}
            data-testid="csv-preview"
            columns={[
              { title: pick(['行号', 'Line']), key: 'line', render: (_, r) => lineLabel(r.row) },
              {
                title: pick(['判决书', 'Judgment']),
                key: 'j',
                render: (_, r) => r.row.fields[loaded.header.indexOf('judgmentId')] ?? '',
              },
              {
                title: pick(['判项', 'Item']),
                key: 'i',
                render: (_, r) => r.row.fields[loaded.header.indexOf('itemNo')] ?? '',
              },
              {
                title: pick(['版本', 'Version']),
                key: 'v',
                render: (_, r) => r.row.fields[loaded.header.indexOf('version')] ?? '',
              },
              {
                title: pick(['检查结果', 'Check']),
                key: 'p',
                render: (_, r) =>
                  r.problems.length === 0 ? (
                    <Tag color="#237804">{pick(['无误', 'Good'])}</Tag>
                  ) : (
                    <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="csv-row-problems">
                      {r.problems.map((p) => (
                        <li key={p}>{pick([problemZh(p), p])}</li>
                      ))}
                    </ul>
                  ),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
