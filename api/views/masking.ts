// Names and identity numbers only where the role needs them (the hearing court decides on the
// person, the prison holds them); blanked elsewhere, e.g. 3508**********1231 and 郑*.
import type { InstitutionKind } from '../../shared/resources/registry.ts';

export function seesIdentity(kind: InstitutionKind): boolean {
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
  kind: InstitutionKind,
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
