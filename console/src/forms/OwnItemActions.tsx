// An enforcing court's own items on a case page, each with "update status": the status form,
// pre-filled with the court's last status of the item.
import { Card, Space } from 'antd';
import { Link } from 'react-router';
import type { CaseDetail } from '../api/client.ts';
import { PROPERTY_KIND } from '../i18n/glossary.ts';
import { useText } from '../i18n/index.ts';
import { statusFormPath } from './paths.ts';

export function OwnItemActions({
  applicationId,
  flag,
  courtId,
}: {
  applicationId: string;
  flag: NonNullable<CaseDetail['current']>;
  courtId: string;
}) {
  const { pick } = useText();
  const own = flag.items.filter((i) => i.enforcingCourt.id === courtId);
  if (own.length === 0) return null;
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{pick(['本院执行的判项', 'Items this court enforces'])}</h2>}
      style={{ marginTop: 24 }}
    >
      <Space direction="vertical">
        {own.map((item) => (
          <Link
            key={`${item.judgmentId}#${item.itemNo}`}
            to={statusFormPath({ applicationId, judgmentId: item.judgmentId, itemNo: item.itemNo })}
          >
            {pick(['更新履行情况', 'Update status'])}：{item.judgmentId} {pick(['第', 'item '])}
            {item.itemNo}
            {pick(['项', ''])}（{pick(PROPERTY_KIND[item.kind])}）
          </Link>
        ))}
      </Space>
    </Card>
  );
}
