// Names and identity numbers only where the role needs them (the hearing court decides on the
// person, the prison holds them); blanked elsewhere, e.g. 3508**********1231 and 郑*.
import type { InstitutionKind } from '../../shared/resources/registry.ts';

export function seesIdentity(kind: InstitutionKind | 'SERVICE'): boolean {
  return kind === 'HEARING_COURT' || kind === 'PRISON';
}

export function maskPersonId(personId: string): string {
  if (personId.length <= 8) return '*'.repeat(personId.length);
  return `${personId.slice(0, 4)}${'*'.repeat(personId.length - 8)}${personId.slice(-4)}`;
}

export function maskName(name: string): string {
  const characters = [...name];
  if (characters.length <= 1) return '*';
  return `${characters[0]}${'*'.repeat(characters.length - 1)}`;
}

export function prisonerFor(
  kind: InstitutionKind | 'SERVICE',
  prisoner: { prisonerNo: string; name: string; personId: string },
): { prisonerNo: string; name: string; personId: string; masked: boolean } {
  return seesIdentity(kind)
    ? { ...prisoner, masked: false }
    : {
        prisonerNo: prisoner.prisonerNo,
        name: maskName(prisoner.name),
        personId: maskPersonId(prisoner.personId),
        masked: true,
      };
}

/** Identity numbers wherever they appear in free text (18 characters, GB 11643). */
const PERSON_ID_IN_TEXT = /\b\d{17}[\dXx]\b/g;

/**
 * A raw message body as an operator may see it: every `personId` and the prisoner's `name`
 * masked (by key when the body is JSON, and any identity number in what is left).
 */
export function maskMessageBody(body: string): string {
  let text = body;
  try {
    text = JSON.stringify(maskIdentities(JSON.parse(body) as unknown));
  } catch {
    // Not JSON: only the identity numbers can be found.
  }
  return text.replace(PERSON_ID_IN_TEXT, (id) => maskPersonId(id));
}

function maskIdentities(value: unknown, parentKey = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => maskIdentities(v, parentKey));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      if (key === 'personId' && typeof v === 'string') return [key, maskPersonId(v)];
      if (key === 'name' && parentKey === 'prisoner' && typeof v === 'string') return [key, maskName(v)];
      return [key, maskIdentities(v, key)];
    }),
  );
}
