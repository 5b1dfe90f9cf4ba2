// An enforcement status body ⇄ the status form's values: the same shape and field names (so the
// contract's error paths land on the right field), with money as yuan text instead of fen.
import type { EnforcementStatus } from '../../../shared/contract/enforcement-status.ts';
import { fenToYuan, yuanToFen, YUAN_PROBLEM } from './money.ts';
import type { FieldError } from './validate.ts';

type Payment = EnforcementStatus['payments'][number];
type Conduct = EnforcementStatus['conduct'][number];

export interface StatusValues {
  personId?: string;
  enforcementCaseId?: string;
  dueFen?: string;
  payments?: (Omit<Payment, 'amountFen'> & { amountFen?: string })[];
  searched?: boolean;
  assetSearch?: { completedOn?: string; executableAssetsFound?: boolean; foundFen?: string };
  conduct?: (Omit<Conduct, 'detail' | 'ceasedOn'> & { ceasedOn?: string; detail?: string })[];
  documents?: EnforcementStatus['documents'];
}

/** Tolerates a refused body (correct and resend): any part may be missing or of the wrong type. */
export function statusToValues(body: EnforcementStatus): StatusValues {
  const list = <T>(value: readonly T[] | undefined): T[] => (Array.isArray(value) ? [...value] : []);
  return {
    personId: typeof body.personId === 'string' ? body.personId : '',
    enforcementCaseId: body.enforcementCaseId ?? '',
    dueFen: typeof body.dueFen === 'number' ? fenToYuan(body.dueFen) : '',
    payments: list(body.payments).map((p) => ({ ...p, amountFen: fenToYuan(p.amountFen) })),
    searched: body.assetSearch !== undefined,
    assetSearch: body.assetSearch
      ? {
          ...body.assetSearch,
          foundFen: body.assetSearch.foundFen === undefined ? '' : fenToYuan(body.assetSearch.foundFen),
        }
      : { executableAssetsFound: false },
    conduct: list(body.conduct).map((c) => ({ ...c, ceasedOn: c.ceasedOn ?? '', detail: c.detail ?? '' })),
    documents: list(body.documents),
  };
}

const blank = (text: string | undefined) => text === undefined || text.trim() === '';

/** The body to send, or the money fields that are not yuan amounts. */
export function valuesToStatus(
  values: StatusValues,
  draft: EnforcementStatus,
): { body: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const money = (text: string | undefined, name: (string | number)[]): number | undefined => {
    if (blank(text)) return undefined;
    const fen = yuanToFen(text!);
    if (fen === undefined) errors.push({ name, errors: [YUAN_PROBLEM] });
    return fen;
  };
  const { enforcementCaseId: _case, assetSearch: _search, inReplyTo, ...rest } = draft;
  const due = money(values.dueFen, ['dueFen']);
  const body: Record<string, unknown> = {
    ...rest,
    personId: (values.personId ?? '').trim().toUpperCase(),
    ...(blank(values.enforcementCaseId) ? {} : { enforcementCaseId: values.enforcementCaseId!.trim() }),
    dueFen: due ?? null,
    payments: (values.payments ?? []).map((p, i) => ({
      ...p,
      amountFen: money(p.amountFen, ['payments', i, 'amountFen']) ?? p.amountFen,
    })),
    conduct: (values.conduct ?? []).map((c) => {
      const { ceasedOn, detail, ...kept } = c;
      return { ...kept, ...(blank(ceasedOn) ? {} : { ceasedOn }), ...(blank(detail) ? {} : { detail }) };
    }),
    documents: values.documents ?? [],
    ...(inReplyTo ? { inReplyTo } : {}),
  };
  if (values.searched) {
    const found = money(values.assetSearch?.foundFen, ['assetSearch', 'foundFen']);
    body.assetSearch = {
      completedOn: values.assetSearch?.completedOn,
      executableAssetsFound: values.assetSearch?.executableAssetsFound ?? false,
      ...(found === undefined ? {} : { foundFen: found }),
    };
  }
  return { body, errors };
}
