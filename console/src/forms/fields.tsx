// Small field pieces the forms share: a date (antd's date picker, shown and typed as
// yyyy-MM-dd in Chinese; the value is the contract's calendar-date string), a yuan amount,
// and the enum selects with Chinese labels.
import { ConfigProvider, DatePicker, Input, Select } from 'antd';
import type { DatePickerProps } from 'antd';
import dayjs from 'dayjs';
import { useContext, useMemo, type ComponentProps } from 'react';
import { useText } from '../i18n/index.ts';

type Pair = readonly [string, string];

const DATE = 'YYYY-MM-DD';
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date as the contract writes it (YYYY-MM-DD). The picked day is formatted as it is
 * shown, never through UTC, so it is the same day in the dossier's offset (+08:00) as on screen.
 * Typing the date and pressing Enter works as well as the calendar.
 */
export function DateInput({
  value,
  onChange,
  ...props
}: { value?: string; onChange?: (value: string) => void } & Omit<DatePickerProps, 'value' | 'onChange'>) {
  const { pick } = useText();
  const locale = usePickerLocale();
  // Only a real calendar date is shown: dayjs would roll 2026-02-30 over to 2026-03-02.
  const day = value && CALENDAR_DATE.test(value) ? dayjs(value) : null;
  const real = day?.isValid() && day.format(DATE) === value ? day : null;
  return (
    <DatePicker
      format={DATE}
      {...(locale ? { locale } : {})}
      placeholder={pick(['年-月-日', 'yyyy-mm-dd'])}
      style={{ width: 170 }}
      value={real}
      onChange={(picked) => onChange?.(picked && !Array.isArray(picked) ? picked.format(DATE) : '')}
      // A typed date counts as soon as it is a whole date, not only on Enter or on leaving the
      // field: a click on "submit" straight after typing would otherwise validate it empty.
      onCalendarChange={(picked) => {
        if (picked && !Array.isArray(picked) && picked.format(DATE) !== value) onChange?.(picked.format(DATE));
      }}
      {...props}
      // Enter confirms the typed date (the picker has taken it by now); it must not also submit
      // the whole form, as Enter in a text field does.
      onKeyDown={(event, preventDefault) => {
        if (event.key === 'Enter') event.preventDefault();
        props.onKeyDown?.(event, preventDefault);
      }}
    />
  );
}

/**
 * The console's date-picker locale (zh_CN or en_US) without the labels of the calendar's year
 * and month buttons: "选择年份" would hide the visible "2026年" from screen readers (axe:
 * label-content-name-mismatch); without it the button is named by what it shows.
 */
function usePickerLocale(): DatePickerProps['locale'] {
  const { locale } = useContext(ConfigProvider.ConfigContext);
  return useMemo(() => {
    const picker = locale?.DatePicker;
    if (!picker) return undefined;
    // Empty, not deleted: antd deep-merges this over the context's locale. An empty aria-label
    // counts as none, so the button is named by its text.
    return { ...picker, lang: { ...picker.lang, yearSelect: '', monthSelect: '', decadeSelect: '' } };
  }, [locale]);
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
