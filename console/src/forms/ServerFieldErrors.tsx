// Puts the server's field problems (a 400 or the ingest's rejection) next to their fields; a
// refused message opened for correction also lists the problems no field of the form shows
// (e.g. a judgment number the status form does not edit), so none is hidden.
import { Alert, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { useText } from '../i18n/index.ts';
import { zhMessage } from './messages-zh.ts';
import type { SendState } from './submit.ts';
import { serverErrors } from './validate.ts';

export function ServerFieldErrors({ status, form }: { status: SendState; form: FormInstance }) {
  useEffect(() => {
    if (status.state === 'invalid' || status.state === 'rejected') form.setFields(serverErrors(status.problems));
  }, [status, form]);
  return null;
}

type Problem = { path: string; message: string };

/** A refused message opened for correction: its problems next to their fields from the start. */
export function InitialProblems({ problems, form }: { problems: Problem[] | undefined; form: FormInstance }) {
  const { pick } = useText();
  const [elsewhere, setElsewhere] = useState<Problem[]>([]);
  useEffect(() => {
    if (!problems || problems.length === 0) return;
    const errors = serverErrors(problems);
    form.setFields(errors);
    // antd names a field's control by its path joined with "_" (the forms have no form name).
    setElsewhere(problems.filter((_, i) => !document.getElementById((errors[i]!.name as unknown[]).join('_'))));
  }, [problems, form]);
  if (elsewhere.length === 0) return null;
  return (
    <Alert
      type="warning"
      data-testid="problems-elsewhere"
      title={pick(['原报文中以下问题不在本表单的字段中：', 'Problems of the original that no field here shows:'])}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {elsewhere.map((p) => (
            <li key={`${p.path}-${p.message}`}>
              <code>{p.path || '—'}</code>：{pick([zhMessage(p.message), p.message])}
            </li>
          ))}
        </ul>
      }
    />
  );
}
