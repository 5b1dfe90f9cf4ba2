import { Tag } from 'antd';
import { DECISION, TONE } from '../i18n/glossary.ts';
import { useText } from '../i18n/index.ts';

export function DecisionBadge({ decision, large = false }: { decision: string | null; large?: boolean }) {
  const { pick, t } = useText();
  if (!decision) return <Tag color={TONE.neutral}>{t('list.pending')}</Tag>;
  const entry = DECISION[decision];
  return (
    <Tag
      color={entry?.color}
      data-decision={decision}
      style={large ? { fontSize: 22, lineHeight: '40px', padding: '0 20px', fontWeight: 600 } : undefined}
    >
      {pick(entry?.badge, decision)}
    </Tag>
  );
}
