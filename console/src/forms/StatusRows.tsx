// The status form's repeated rows: payments (receipt lines), conduct findings and documents,
// each a RepeatedRows list (keyboard: the focus follows added and removed rows).
import { Form, Input, Checkbox } from 'antd';
import { CONDUCT_CODES, DOCUMENT_TYPES } from '../../../shared/contract/enforcement-status.ts';
import { useText } from '../i18n/index.ts';
import { DateInput, EnumSelect, YuanInput } from './fields.tsx';
import { CONDUCT, DOCUMENT_TYPE, PAYER } from './labels.ts';
import { FormSection, RepeatedRows } from './sections.tsx';

function useRequired() {
  const { pick } = useText();
  return (zh: string, en: string) => [{ required: true, message: pick([`请填写${zh}`, `Enter ${en}`]) }];
}

export function PaymentRows() {
  const { pick } = useText();
  const required = useRequired();
  return (
    <FormSection first title={pick(['缴款记录', 'Payments'])}>
      <RepeatedRows
        name="payments"
        rowLabel={(n) => pick([`第 ${n} 笔缴款`, `Payment ${n}`])}
        addLabel={pick(['添加缴款记录', 'Add a payment'])}
        newRow={() => ({ payer: 'SELF' })}
        addTestId="add-payment"
      >
        {(field) => (
          <>
            <Form.Item
              name={[field.name, 'receiptNo']}
              label={pick(['票据号', 'Receipt number'])}
              rules={required('票据号', 'the receipt number')}
            >
              <Input style={{ width: 180 }} />
            </Form.Item>
            <Form.Item
              name={[field.name, 'amountFen']}
              label={pick(['金额（元）', 'Amount (yuan)'])}
              rules={required('金额', 'the amount')}
            >
              <YuanInput />
            </Form.Item>
            <Form.Item
              name={[field.name, 'payer']}
              label={pick(['缴款人', 'Payer'])}
              rules={required('缴款人', 'the payer')}
            >
              <EnumSelect labels={PAYER} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item
              name={[field.name, 'paidOn']}
              label={pick(['缴款日期', 'Paid on'])}
              rules={required('缴款日期', 'the date')}
            >
              <DateInput />
            </Form.Item>
          </>
        )}
      </RepeatedRows>
    </FormSection>
  );
}

export function ConductAndDocuments() {
  const { pick } = useText();
  const required = useRequired();
  return (
    <>
      <FormSection title={pick(['拒不履行行为', 'Conduct findings'])}>
        <RepeatedRows
          name="conduct"
          rowLabel={(n) => pick([`第 ${n} 项行为`, `Finding ${n}`])}
          addLabel={pick(['添加行为', 'Add a finding'])}
          newRow={() => ({})}
        >
          {(field) => (
            <>
              <Form.Item
                name={[field.name, 'code']}
                label={pick(['行为', 'Conduct'])}
                rules={required('行为', 'the conduct')}
              >
                <EnumSelect
                  labels={CONDUCT}
                  style={{ width: 260 }}
                  options={CONDUCT_CODES.map((c) => ({ value: c, label: pick(CONDUCT[c]!) }))}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'foundOn']}
                label={pick(['发现日期', 'Found on'])}
                rules={required('发现日期', 'the date')}
              >
                <DateInput />
              </Form.Item>
              <Form.Item name={[field.name, 'ceasedOn']} label={pick(['停止日期', 'Ceased on'])}>
                <DateInput />
              </Form.Item>
              <Form.Item name={[field.name, 'serious']} valuePropName="checked" label={pick(['情节', 'Gravity'])}>
                <Checkbox>{pick(['情节严重', 'Serious'])}</Checkbox>
              </Form.Item>
            </>
          )}
        </RepeatedRows>
      </FormSection>
      <FormSection title={pick(['执行文书', 'Documents'])}>
        <RepeatedRows
          name="documents"
          rowLabel={(n) => pick([`第 ${n} 份文书`, `Document ${n}`])}
          addLabel={pick(['添加文书', 'Add a document'])}
          newRow={() => ({})}
        >
          {(field) => (
            <>
              <Form.Item
                name={[field.name, 'type']}
                label={pick(['文书类型', 'Type'])}
                rules={required('文书类型', 'the type')}
              >
                <EnumSelect
                  labels={DOCUMENT_TYPE}
                  style={{ width: 200 }}
                  options={DOCUMENT_TYPES.map((d) => ({ value: d, label: pick(DOCUMENT_TYPE[d]!) }))}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'ref']}
                label={pick(['文号', 'Reference'])}
                rules={required('文号', 'the reference')}
              >
                <Input style={{ width: 240 }} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'issuedOn']}
                label={pick(['出具日期', 'Issued on'])}
                rules={required('出具日期', 'the date')}
              >
                <DateInput />
              </Form.Item>
            </>
          )}
        </RepeatedRows>
      </FormSection>
    </>
  );
}
