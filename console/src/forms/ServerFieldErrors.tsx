// Puts the server's field problems (a 400 or the ingest's rejection) next to their fields.
import type { FormInstance } from 'antd';
import { useEffect } from 'react';
import type { SendState } from './submit.ts';
import { serverErrors } from './validate.ts';

export function ServerFieldErrors({ status, form }: { status: SendState; form: FormInstance }) {
  useEffect(() => {
    if (status.state === 'invalid' || status.state === 'rejected') form.setFields(serverErrors(status.problems));
  }, [status, form]);
  return null;
}

/** A refused message opened for correction: its problems next to their fields from the start. */
export function InitialProblems({
  problems,
  form,
}: {
  problems: { path: string; message: string }[] | undefined;
  form: FormInstance;
}) {
  useEffect(() => {
    if (problems && problems.length > 0) form.setFields(serverErrors(problems));
  }, [problems, form]);
  return null;
}
