import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useText } from '../i18n/index.ts';

/** Days and hours until `dueBy`, or since, refreshed every minute. */
export function Countdown({ dueBy, done = false }: { dueBy: string; done?: boolean }) {
  const { t } = useText();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (done) return <Typography.Text type="secondary">{t('case.answered')}</Typography.Text>;
  const ms = Date.parse(dueBy) - now;
  const hours = Math.floor(Math.abs(ms) / 3_600_000);
  const text = t(ms >= 0 ? 'countdown.left' : 'countdown.overdue', { d: Math.floor(hours / 24), h: hours % 24 });
  return ms >= 0 ? (
    <Typography.Text>{text}</Typography.Text>
  ) : (
    <Typography.Text type="danger" strong>
      {text}
    </Typography.Text>
  );
}
