// The national load model of docs/capacity.md §2, as numbers the bench can price: messages a
// year by kind, and which measured message each is priced as. Assumptions, not measurements.
export type MeasuredMessage = 'dossier' | 'status';

export interface YearlyVolume {
  readonly what: string;
  readonly perYear: number;
  /** The measured message whose cost it takes. */
  readonly pricedAs: MeasuredMessage;
  /** Why that price, when it is not the thing itself. */
  readonly note?: string;
}

export const NATIONAL_VOLUME: readonly YearlyVolume[] = [
  { what: 'dossiers (1.2 versions per proposal)', perYear: 600_000, pricedAs: 'dossier' },
  { what: 'status updates on open proposals', perYear: 1_600_000, pricedAs: 'status' },
  {
    what: 'status updates with no open proposal',
    perYear: 1_700_000,
    pricedAs: 'status',
    note: 'an upper bound: with no application to evaluate, most of the path is skipped',
  },
  { what: 'rulings', perYear: 500_000, pricedAs: 'dossier', note: 'not measured; a ruling takes as long a path' },
  {
    what: 'deadline re-evaluations',
    perYear: 1_000_000,
    pricedAs: 'status',
    note: 'an upper bound: the evaluation without the ingest',
  },
];

export const NATIONAL_MESSAGES_PER_YEAR = NATIONAL_VOLUME.reduce((sum, v) => sum + v.perYear, 0);
