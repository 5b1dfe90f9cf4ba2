// A failed condition is an answer ("stale", "already there"), not an error to retry.
export function isConditionalCheckFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
