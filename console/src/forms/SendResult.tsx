// What became of a submitted form, announced to screen readers (role="status"): being sent,
// accepted, rejected with each problem's field, or unchanged (a version already received).
import { Alert } from 'antd';
import type { SendState } from './submit.ts';
import { zhMessage } from './messages-zh.ts';
import { staleTitle } from './outcome-text.ts';
import { useText } from '../i18n/index.ts';

export function SendResult({ status }: { status: SendState }) {
  const { pick } = useText();
  if (status.state === 'idle') return null;
  const list = (problems: { path: string; message: string }[]) =>
    problems.length > 0 ? (
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {problems.map((p) => (
          <li key={`${p.path}-${p.message}`}>
            <code>{p.path || '—'}</code>：{pick([zhMessage(p.message), p.message])}
          </li>
        ))}
      </ul>
    ) : null;
  const common = { role: 'status', 'data-testid': 'send-result', 'data-state': status.state, style: { marginTop: 16 } };
  switch (status.state) {
    case 'sending':
    case 'pending':
      return (
        <Alert {...common} type="info" title={pick(['已发送，等待平台接收……', 'Sent; waiting for the service…'])} />
      );
    case 'accepted':
      return (
        <Alert
          {...common}
          type="success"
          title={pick(['平台已接收', 'Accepted by the service'])}
          description={`${pick(['报文编号', 'Message id'])}：${status.messageId}`}
        />
      );
    case 'rejected':
      return (
        <Alert
          {...common}
          type="error"
          title={pick(['平台已退回', 'Rejected by the service'])}
          description={list(status.problems)}
        />
      );
    case 'stale':
      return (
        <Alert
          {...common}
          type="warning"
          title={pick(staleTitle(status))}
          description={`${pick(['报文编号', 'Message id'])}：${status.messageId}`}
        />
      );
    case 'invalid':
      return (
        <Alert
          {...common}
          type="error"
          title={pick(
            status.status === 403
              ? ['本机构不能发送此类报文', 'This institution does not send this kind of message']
              : ['未发送：请更正下列内容', 'Not sent: please correct the following'],
          )}
          description={list(status.problems)}
        />
      );
    case 'unknown':
      return (
        <Alert
          {...common}
          type="warning"
          title={pick([
            '已发送，平台尚未给出结果（可能为重复或旧版本）',
            'Sent; no outcome yet (perhaps a duplicate or an older version)',
          ])}
        />
      );
  }
}
