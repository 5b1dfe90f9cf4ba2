// Small field pieces the forms share: a date input (the browser's own date picker, usable by
// keyboard), a yuan amount, and the enum selects with Chinese labels.
import { Input, Select } from 'antd';
import type { ComponentProps } from 'react';
import { useText } from '../i18n/index.ts';

type Pair = readonly [string, string];

export function DateInput(props: ComponentProps<typeof Input>) {
  return <Input type="date" style={{ width: 170 }} {...props} />;
}

export function YuanInput(props: ComponentProps<typeof Input>) {
  return <Input inputMode="decimal" suffix="元" style={{ width: 200 }} {...props} />;
}

export function EnumSelect({
  labels,
  ...props
}: { labels: Record<string, Pair> } & ComponentProps<typeof Select<string>>) {
  const { pick } = useText();
  return (
    <Select<string>
      style={{ minWidth: 200 }}
      options={Object.entries(labels).map(([value, pair]) => ({ value, label: pick(pair) }))}
      {...props}
    />
  );
}
