/**
 * A refused write as a form shows it: the field the server named (`extensions.field`, e.g. `params.minimum`
 * or `rows[2].memberId`), the server's reason, and the error code. Pure, so it is unit-tested.
 */
export interface FieldError {
  /** The field as the server named it; null when the error names none. */
  field: string | null;
  /** The first segment of the field (`params` of `params.minimum`), for matching an input. */
  root: string | null;
  /** The row index of a `rows[i]…` field, else null. */
  row: number | null;
  message: string;
  code: string | null;
}

interface ErrorLike {
  message: string;
  graphQLErrors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

export function fieldErrorOf(error: ErrorLike | null | undefined): FieldError | null {
  if (!error) return null;
  const g = error.graphQLErrors?.[0];
  if (!g) return { field: null, root: null, row: null, message: error.message, code: null };
  const field = typeof g.extensions?.field === 'string' ? g.extensions.field : null;
  const root = field ? (/^[A-Za-z_]\w*/.exec(field)?.[0] ?? null) : null;
  const rowMatch = field ? /^rows\[(\d+)\]/.exec(field) : null;
  const code = typeof g.extensions?.code === 'string' ? g.extensions.code : null;
  return { field, root, row: rowMatch ? Number(rowMatch[1]) : null, message: g.message, code };
}
