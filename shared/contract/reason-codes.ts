// The v1 reason codes: what each one means for the decision and which article it rests on.
// The table order is the tie-break order within one severity in a flag's reasons.

export const DECISIONS = ['CLEAR', 'FLAG', 'BLOCK', 'REVOKE'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Higher is more severe: REVOKE > BLOCK > FLAG > CLEAR. */
export function severity(decision: Decision): number {
  return DECISIONS.indexOf(decision);
}

interface ReasonDefinition {
  /** The outcome the reason carries before any major-merit downgrade. */
  readonly outcome: Decision;
  readonly basis: string;
  /** Informational reasons (FLAG-positive) never raise the decision. */
  readonly informational?: true;
}

export const REASONS = {
  'PP-TEMPORAL': { outcome: 'FLAG', basis: 'SPC-2024 Art 15' },
  'PP-NONE': { outcome: 'CLEAR', basis: 'SPC-2024 Art 1' },
  'PP-SATISFIED': { outcome: 'CLEAR', basis: 'SPC-2024 Arts 2, 4' },
  'PP-ITEMS-MISMATCH': { outcome: 'FLAG', basis: 'SPC-2024 Arts 2(1), 13(1)' },
  'PP-STATUS-MISSING': { outcome: 'FLAG', basis: 'SPC-2024 Arts 2(1), 13(2)' },
  'PP-STATUS-STALE': { outcome: 'FLAG', basis: 'SPC-2024 Arts 2(1), 13(2)' },
  'PP-MAT-PENDING': { outcome: 'FLAG', basis: 'SPC-2024 Art 5' },
  'PP-MAT-MISSING': { outcome: 'BLOCK', basis: 'SPC-2024 Art 5' },
  'PP-REFUSE-6.1': { outcome: 'BLOCK', basis: 'SPC-2024 Arts 4(2), 6(1)' },
  'PP-REFUSE-6.2': { outcome: 'BLOCK', basis: 'SPC-2024 Arts 4(2), 6(2)' },
  'PP-SPEND-NEAR': { outcome: 'FLAG', basis: 'SPC-2024 Art 6(2)' },
  'PP-COOLOFF-6M': { outcome: 'BLOCK', basis: 'SPC-2024 Art 6(3)' },
  'PP-AMBIG-6.3': { outcome: 'FLAG', basis: 'SPC-2024 Art 6(3)' },
  'PP-UNABLE': { outcome: 'CLEAR', basis: 'SPC-2024 Arts 4(3), 7' },
  'PP-ABLE-CHECK': { outcome: 'FLAG', basis: 'SPC-2024 Arts 3(2), 4(1)' },
  'PP-ABLE-UNPAID': { outcome: 'BLOCK', basis: 'SPC-2024 Arts 4(1), 4(2)' },
  'PP-FINE-EXEMPT': { outcome: 'CLEAR', basis: 'SPC-2024 Art 8(1)' },
  'PP-FINE-INSTAL': { outcome: 'CLEAR', basis: 'SPC-2024 Art 8(2)' },
  'PP-CONFISC': { outcome: 'CLEAR', basis: 'SPC-2024 Art 9' },
  'PP-CIVIL-10': { outcome: 'CLEAR', basis: 'SPC-2024 Art 10' },
  'PP-CIVIL-FIRST': { outcome: 'CLEAR', basis: 'SPC-2024 Art 11(2)', informational: true },
  'PP-CAT-12': { outcome: 'BLOCK', basis: 'SPC-2024 Art 12' },
  'PP-CORR-2019': { outcome: 'BLOCK', basis: 'SPC-2019 Art 1' },
  'PP-MAJOR-MERIT': { outcome: 'FLAG', basis: 'SPC-2024 Art 4(4); Criminal Law Art 78' },
  'PP-COURT-OVERDUE': { outcome: 'FLAG', basis: 'SPC-2024 Art 13(2)' },
  'PP-POST-ENFORCE': { outcome: 'FLAG', basis: 'SPC-2024 Art 14(2)' },
  'PP-REVOKE': { outcome: 'REVOKE', basis: 'SPC-2024 Art 14(2)' },
} as const satisfies Record<string, ReasonDefinition>;

export type ReasonCode = keyof typeof REASONS;
export const REASON_CODES = Object.keys(REASONS) as ReasonCode[];

/** Reasons a COMMUTATION for major meritorious service turns from BLOCK into FLAG (Art 4(4)). */
export const DOWNGRADED_BY_MAJOR_MERIT: readonly ReasonCode[] = [
  'PP-REFUSE-6.1',
  'PP-REFUSE-6.2',
  'PP-ABLE-UNPAID',
  'PP-COOLOFF-6M',
  'PP-CAT-12',
  'PP-CORR-2019',
];

export function isInformational(code: ReasonCode): boolean {
  return 'informational' in REASONS[code];
}
