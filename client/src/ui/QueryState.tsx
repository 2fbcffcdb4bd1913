import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { ErrorMessage } from './ErrorMessage';
import { Loading } from './Loading';

/**
 * The three states of a query in one place: loading (only when there is no data yet), error (with retry),
 * then the children rendered with the data.
 */
export function QueryState<T>({
  fetching,
  error,
  data,
  retry,
  children,
}: {
  fetching: boolean;
  error?: CombinedError;
  data: T | undefined | null;
  retry?: () => void;
  children: (data: T) => ReactNode;
}) {
  if (error && !data) return <ErrorMessage error={error} onRetry={retry} />;
  if (!data) return fetching ? <Loading /> : null;
  return <>{children(data)}</>;
}
