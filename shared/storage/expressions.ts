// Builds `SET #n0 = :v0, ...` update expressions with every attribute name escaped, so no
// DynamoDB reserved word (status, name, version...) can break a write.

export interface UpdateParts {
  readonly UpdateExpression: string;
  readonly ExpressionAttributeNames: Record<string, string>;
  readonly ExpressionAttributeValues?: Record<string, unknown>;
}

/** A value to set, or `{ ifNotExists }` to set only when the attribute is absent. */
export type SetValue = unknown | { readonly ifNotExists: unknown };

function isIfNotExists(value: SetValue): value is { ifNotExists: unknown } {
  return typeof value === 'object' && value !== null && 'ifNotExists' in value;
}

/** SET (and REMOVE) clauses for top-level attributes; `path` segments for nested map keys. */
export function updateExpression(
  set: Record<string, SetValue>,
  remove: readonly string[] = [],
  nested: ReadonlyArray<{ path: readonly string[]; value: unknown }> = [],
): UpdateParts {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const clauses: string[] = [];
  let counter = 0;
  const name = (attribute: string): string => {
    const token = `#n${counter++}`;
    names[token] = attribute;
    return token;
  };
  const value = (v: unknown): string => {
    const token = `:v${counter++}`;
    values[token] = v;
    return token;
  };
  for (const [attribute, v] of Object.entries(set)) {
    const n = name(attribute);
    clauses.push(isIfNotExists(v) ? `${n} = if_not_exists(${n}, ${value(v.ifNotExists)})` : `${n} = ${value(v)}`);
  }
  for (const { path, value: v } of nested) clauses.push(`${path.map(name).join('.')} = ${value(v)}`);
  const removals = remove.map(name);
  const expression = [
    clauses.length > 0 ? `SET ${clauses.join(', ')}` : '',
    removals.length > 0 ? `REMOVE ${removals.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    UpdateExpression: expression,
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}
