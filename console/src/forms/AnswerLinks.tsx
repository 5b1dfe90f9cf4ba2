// "Answer" on a verification request's row: one link per item it names (or the judgment's first
// item when it names none), each opening the status form pre-filled, inReplyTo set.
import { Space } from 'antd';
import { Link } from 'react-router';
import type { RequestView } from '../api/client.ts';
import { useText } from '../i18n/index.ts';
import { statusFormPath } from './paths.ts';

export function AnswerLinks({ request }: { request: RequestView }) {
  const { pick } = useText();
  if (request.answered) return null;
  const items = request.itemNos ?? [undefined];
  return (
    <Space wrap>
      {items.map((itemNo) => (
        <Link
          key={itemNo ?? 'first'}
          data-testid="answer-request"
          to={statusFormPath({
            applicationId: request.applicationId,
            judgmentId: request.judgmentId,
            requestId: request.requestId,
            ...(itemNo ? { itemNo } : {}),
          })}
        >
          {pick(['答复', 'Answer'])}
          {itemNo ? pick([`（第 ${itemNo} 项）`, ` (item ${itemNo})`]) : ''}
        </Link>
      ))}
    </Space>
  );
}
