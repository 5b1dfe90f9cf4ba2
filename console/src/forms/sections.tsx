// The two shapes every form repeats: a titled section (an h2, so screen readers get an outline)
// and a list of rows the user adds and removes, each row a labelled group with its own remove.
// By keyboard: adding a row puts the focus in its first field; removing one puts it on the
// previous row's remove button (or the add button when none is left), never on the page.
import { Button, Card, Form, Space } from 'antd';
import type { FormListFieldData } from 'antd';
import { useRef, type ReactNode, type RefObject } from 'react';
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

const FIRST_FIELD = 'input:not([type="hidden"]):not([disabled]), textarea, button';

/**
 * After a row is added or removed (the list renders again first): the focus goes to the first
 * field of row `index` (added), or to the remove button of row `index` (the one before a removed
 * row), or to the list's add button when there is no such row.
 */
export function useRowFocus(): {
  list: RefObject<HTMLDivElement | null>;
  add: RefObject<HTMLButtonElement | null>;
  focusField: (index: number) => void;
  focusRemove: (index: number) => void;
} {
  const list = useRef<HTMLDivElement | null>(null);
  const add = useRef<HTMLButtonElement | null>(null);
  const rowAt = (index: number) =>
    list.current?.querySelectorAll<HTMLElement>(':scope > [data-row]')[index] ?? undefined;
  const later = (move: () => void) => requestAnimationFrame(() => requestAnimationFrame(move));
  return {
    list,
    add,
    focusField: (index) => later(() => rowAt(index)?.querySelector<HTMLElement>(FIRST_FIELD)?.focus()),
    focusRemove: (index) =>
      later(() => {
        const remove = index >= 0 ? rowAt(index)?.querySelector<HTMLElement>('[data-remove-row]') : undefined;
        (remove ?? add.current)?.focus();
      }),
  };
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
  const focus = useRowFocus();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div ref={focus.list}>
          {fields.map((field) => (
            // A block of its own (antd's Space is inline), so the add button sits below the rows.
            <Space
              key={field.key}
              wrap
              align="start"
              role="group"
              aria-label={rowLabel(field.name + 1)}
              style={{ display: 'flex' }}
              data-row
            >
              {children(field)}
              <Button
                onClick={() => {
                  remove(field.name);
                  focus.focusRemove(field.name - 1);
                }}
                style={{ marginTop: 30 }}
                aria-label={pick([`删除${rowLabel(field.name + 1)}`, `Remove ${rowLabel(field.name + 1)}`])}
                data-remove-row
              >
                {pick(['删除', 'Remove'])}
              </Button>
            </Space>
          ))}
          <Button
            ref={focus.add}
            onClick={() => {
              add(newRow());
              focus.focusField(fields.length);
            }}
            {...(addTestId ? { 'data-testid': addTestId } : {})}
          >
            {addLabel}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
