// The operators' page: what sits in each dead-letter queue, why each message failed, and a
// redrive back to its source queue (the same operations as `linkage dlq`).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { apiGet, apiPost } from '../api/client.ts';
import { dateTime } from '../components/format.ts';
import { useText } from '../i18n/index.ts';

interface QueueDepth {
  source: string;
  dlq: string;
  messages: number;
}
interface DeadLetter {
  sqsMessageId: string;
  body: string;
  sentAt?: string;
  envelope?: { schema?: string; messageId?: string; senderId?: string };
  lastError?: { errorName: string; errorMessage: string; receiveCount: number; failedAt: string; functionName: string };
}
interface Redriven {
  source: string;
  moved: number;
  failed: number;
  /** Inbound messages the sender check would reject: not re-sent, left in the DLQ. */
  refused: number;
}

const path = (queue: string) => `/api/operations/dead-letters/${encodeURIComponent(queue)}`;

export default function DeadLettersPage() {
  const { t } = useText();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<string>();
  const [done, setDone] = useState<Redriven>();
  const depths = useQuery({
    queryKey: ['dead-letters'],
    queryFn: () => apiGet<{ queues: QueueDepth[] }>('/api/operations/dead-letters'),
  });
  const redrive = useMutation({
    mutationFn: async (queue: string) => {
      const result = await apiPost<Redriven>(`${path(queue)}/redrive`, {});
      if (!result.ok) throw new Error(result.error || String(result.status));
      return result.value;
    },
    onMutate: () => setDone(undefined),
    onSuccess: (result) => {
      setDone(result);
      setOpen(undefined);
      void queryClient.invalidateQueries({ queryKey: ['dead-letters'] });
    },
  });
  const holding = (depths.data?.queues ?? []).filter((q) => q.messages > 0);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('deadLetters.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('deadLetters.intro')}</Typography.Paragraph>
      {redrive.isError && (
        <Alert type="error" role="alert" title={t('deadLetters.redriveFailed', { error: redrive.error.message })} />
      )}
      {done && (
        <Alert
          type={done.failed > 0 || done.refused > 0 ? 'warning' : 'success'}
          role="status"
          title={
            t('deadLetters.redriven', { moved: done.moved, queue: done.source }) +
            (done.failed > 0 ? t('deadLetters.failedSends', { failed: done.failed }) : '') +
            (done.refused > 0 ? t('deadLetters.refusedSenders', { refused: done.refused }) : '')
          }
        />
      )}
      <Table
        data-testid="dead-letter-queues"
        loading={depths.isLoading}
        pagination={false}
        rowKey="dlq"
        dataSource={holding}
        locale={{ emptyText: t('deadLetters.empty') }}
        columns={[
          { title: t('deadLetters.queue'), dataIndex: 'dlq' },
          { title: t('deadLetters.source'), dataIndex: 'source' },
          { title: t('deadLetters.messages'), dataIndex: 'messages', align: 'right' },
          {
            title: '',
            key: 'actions',
            render: (_, q) => (
              <Space>
                <Button onClick={() => setOpen(q.source)}>{t('deadLetters.show')}</Button>
                <Popconfirm
                  title={t('deadLetters.confirm', { queue: q.dlq })}
                  onConfirm={() => redrive.mutate(q.source)}
                >
                  <Button type="primary" loading={redrive.isPending && redrive.variables === q.source}>
                    {t('deadLetters.redrive')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {open && <DeadLetters queue={open} />}
    </Space>
  );
}

function DeadLetters({ queue }: { queue: string }) {
  const { t } = useText();
  const letters = useQuery({
    queryKey: ['dead-letters', queue],
    queryFn: () => apiGet<{ dlq: string; messages: DeadLetter[] }>(path(queue)),
  });
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{letters.data?.dlq ?? queue}</h2>} loading={letters.isLoading}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="dead-letters">
        {(letters.data?.messages ?? []).map((m) => (
          <Descriptions key={m.sqsMessageId} bordered size="small" column={1}>
            <Descriptions.Item label={t('deadLetters.messageId')}>
              {m.envelope?.messageId ?? m.sqsMessageId}
            </Descriptions.Item>
            <Descriptions.Item label={t('deadLetters.schema')}>{m.envelope?.schema ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('deadLetters.sender')}>{m.envelope?.senderId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('deadLetters.sentAt')}>{m.sentAt ? dateTime(m.sentAt) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('deadLetters.lastError')}>
              {m.lastError ? (
                <>
                  <Typography.Text code>{m.lastError.errorName}</Typography.Text> {m.lastError.errorMessage}
                  <br />
                  <Typography.Text type="secondary">
                    {m.lastError.functionName} · {t('deadLetters.receiveCount', { count: m.lastError.receiveCount })} ·{' '}
                    {dateTime(m.lastError.failedAt)}
                  </Typography.Text>
                </>
              ) : (
                t('deadLetters.noError')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('deadLetters.body')}>
              <Typography.Paragraph
                code
                ellipsis={{ rows: 3, expandable: true }}
                style={{ margin: 0, wordBreak: 'break-all' }}
              >
                {m.body}
              </Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
        ))}
      </Space>
    </Card>
  );
}
