// The two shapes every form repeats: a titled section (an h2, so screen readers get an outline)
// and a list of rows the user adds and removes, each row a labelled group with its own remove.
import { Button, Card, Form, Space } from 'antd';
import type { FormListFieldData } from 'antd';
import type { ReactNode } from 'react';
import { useText } from '../i18n/index.ts';

export function FormSection({ title, first, children }: { title: string; first?: boolean; children: ReactNode }) {
  return (
    <Card
      size="small"
      style={first ? undefined : { marginTop: 16 }}
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{title}</h2>}
    >
      {children}
    </Card>
  );
}

export function RepeatedRows({
  name,
  rowLabel,
  addLabel,
  newRow,
  addTestId,
  children,
}: {
  name: string;
  /** The accessible name of row n (1-based), e.g. 第 2 笔缴款. */
  rowLabel: (n: number) => string;
  addLabel: string;
  newRow: () => unknown;
  addTestId?: string;
  /** The row's fields; their names are relative to `field.name`. */
  children: (field: FormListFieldData) => ReactNode;
}) {
  const { pick } = useText();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            // A block of its own (antd's Space is inline), so the add button sits below the rows.
            <Space
              key={field.key}
              wrap
              align="start"
              role="group"
              aria-label={rowLabel(field.name + 1)}
              style={{ display: 'flex' }}
            >
              {children(field)}
              <Button onClick={() => remove(field.name)} style={{ marginTop: 30 }}>
                {pick(['删除', 'Remove'])}
              </Button>
            </Space>
          ))}
          <Button onClick={() => add(newRow())} {...(addTestId ? { 'data-testid': addTestId } : {})}>
            {addLabel}
          </Button>
        </>
      )}
    </Form.List>
  );
}
