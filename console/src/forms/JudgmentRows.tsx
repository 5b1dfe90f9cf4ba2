// The dossier's judgments and their property items (from the delivery papers), and the months
// of spending: lists the prison adds rows to and removes rows from, by mouse or keyboard alike
// (the focus follows: sections.tsx, useRowFocus).
import { Button, Card, Form, Input, InputNumber, Space } from 'antd';
import type { FormListFieldData } from 'antd';
import { PROPERTY_KINDS } from '../../../shared/contract/enforcement-status.ts';
import { PROPERTY_KIND } from '../i18n/glossary.ts';
import { useText } from '../i18n/index.ts';
import { EnumSelect, YuanInput } from './fields.tsx';
import { useRowFocus } from './sections.tsx';

type Options = { value: string; label: string }[];

export function JudgmentRows({ enforcingCourts }: { enforcingCourts: Options }) {
  const { pick } = useText();
  const focus = useRowFocus();
  const required = useRequired();
  return (
    <Form.List name="judgments">
      {(judgments, { add, remove }) => (
        <div ref={focus.list}>
          {judgments.map((judgment) => {
            const label = pick([`第 ${judgment.name + 1} 份判决`, `Judgment ${judgment.name + 1}`]);
            return (
              <Card
                key={judgment.key}
                size="small"
                type="inner"
                style={{ marginBottom: 12 }}
                role="group"
                aria-label={label}
                data-row
              >
                <Space wrap align="start">
                  <Form.Item
                    name={[judgment.name, 'judgmentId']}
                    label={pick(['判决书案号', 'Judgment case number'])}
                    rules={required('判决书案号', 'the case number')}
                  >
                    <Input style={{ width: 260 }} placeholder="（2019）闽0802刑初123号" />
                  </Form.Item>
                  <Form.Item
                    name={[judgment.name, 'enforcingCourtId']}
                    label={pick(['执行法院', 'Enforcing court'])}
                    rules={required('执行法院', 'the enforcing court')}
                  >
                    <EnumSelect labels={{}} options={enforcingCourts} style={{ width: 280 }} />
                  </Form.Item>
                  <Button
                    onClick={() => {
                      remove(judgment.name);
                      focus.focusRemove(judgment.name - 1);
                    }}
                    style={{ marginTop: 30 }}
                    aria-label={pick([`删除判决（${label}）`, `Remove judgment (${label})`])}
                    data-remove-row
                  >
                    {pick(['删除判决', 'Remove judgment'])}
                  </Button>
                </Space>
                <ItemRows judgment={judgment} judgmentLabel={label} />
              </Card>
            );
          })}
          <Button
            ref={focus.add}
            onClick={() => {
              add({ items: [{ itemNo: 1, kind: 'FINE' }] });
              focus.focusField(judgments.length);
            }}
          >
            {pick(['添加判决', 'Add a judgment'])}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

function ItemRows({ judgment, judgmentLabel }: { judgment: FormListFieldData; judgmentLabel: string }) {
  const { pick } = useText();
  const focus = useRowFocus();
  const required = useRequired();
  return (
    <Form.List name={[judgment.name, 'items']}>
      {(items, { add, remove }) => (
        <div ref={focus.list}>
          {items.map((item) => {
            const label = pick([`判项 ${item.name + 1}`, `Item ${item.name + 1}`]);
            return (
              // A block of its own (antd's Space is inline), so "add an item" sits below the items.
              <Space
                key={item.key}
                wrap
                align="start"
                role="group"
                aria-label={label}
                data-row
                style={{ display: 'flex' }}
              >
                <Form.Item
                  name={[item.name, 'itemNo']}
                  label={pick(['判项序号', 'Item number'])}
                  rules={required('判项序号', 'the item number')}
                >
                  <InputNumber min={1} style={{ width: 100 }} />
                </Form.Item>
                <Form.Item
                  name={[item.name, 'kind']}
                  label={pick(['判项类型', 'Item kind'])}
                  rules={required('判项类型', 'the kind')}
                >
                  <EnumSelect
                    labels={PROPERTY_KIND}
                    options={PROPERTY_KINDS.map((k) => ({ value: k, label: pick(PROPERTY_KIND[k]!) }))}
                    style={{ width: 200 }}
                  />
                </Form.Item>
                <Form.Item
                  name={[item.name, 'dueFen']}
                  label={pick(['应履行金额（元）', 'Amount due (yuan)'])}
                  extra={pick(['没收全部财产可不填', 'Empty: confiscation of all property'])}
                >
                  <YuanInput />
                </Form.Item>
                <Button
                  onClick={() => {
                    remove(item.name);
                    focus.focusRemove(item.name - 1);
                  }}
                  style={{ marginTop: 30 }}
                  aria-label={pick([
                    `删除判项（${judgmentLabel}${label}）`,
                    `Remove item (${label} of ${judgmentLabel})`,
                  ])}
                  data-remove-row
                >
                  {pick(['删除判项', 'Remove item'])}
                </Button>
              </Space>
            );
          })}
          <Button
            ref={focus.add}
            onClick={() => {
              add({ itemNo: items.length + 1, kind: 'FINE' });
              focus.focusField(items.length);
            }}
          >
            {pick(['添加判项', 'Add an item'])}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** Up to 24 monthly spends, oldest first; rows added and removed at the end. */
export function MonthRows() {
  const { pick } = useText();
  const focus = useRowFocus();
  return (
    <Form.List name={['finances', 'monthlySpendFen']}>
      {(months, { add, remove }) => (
        <fieldset style={{ border: 0, padding: 0 }}>
          <legend style={{ fontSize: 14 }}>
            {pick(['每月消费金额（元，由远及近，最多 24 个月）', 'Monthly spending (yuan, oldest first, up to 24)'])}
          </legend>
          <Space wrap align="start" ref={focus.list} style={{ display: 'flex' }}>
            {months.map((month) => (
              <Form.Item
                key={month.key}
                name={month.name}
                label={pick([`第 ${month.name + 1} 月`, `Month ${month.name + 1}`])}
              >
                <YuanInput style={{ width: 130 }} suffix={undefined} />
              </Form.Item>
            ))}
          </Space>
          <Space>
            <Button
              ref={focus.add}
              onClick={() => {
                add('');
                // The new month's field: the list's last input.
                requestAnimationFrame(() =>
                  requestAnimationFrame(() =>
                    [...(focus.list.current?.querySelectorAll('input') ?? [])].at(-1)?.focus(),
                  ),
                );
              }}
              disabled={months.length >= 24}
            >
              {pick(['添加月份', 'Add a month'])}
            </Button>
            <Button
              onClick={() => {
                remove(months.length - 1);
                // The button turns disabled at one month: the focus goes to "add" instead of the page.
                if (months.length - 1 <= 1) requestAnimationFrame(() => focus.add.current?.focus());
              }}
              disabled={months.length <= 1}
            >
              {pick(['删除最后一月', 'Remove the last month'])}
            </Button>
          </Space>
        </fieldset>
      )}
    </Form.List>
  );
}

function useRequired() {
  const { pick } = useText();
  return (zh: string, en: string) => [{ required: true, message: pick([`请填写${zh}`, `Enter ${en}`]) }];
}
