import { useCallback, useState } from 'react';

/**
 * A request the user started (send, save, merge, transfer…): busy while it runs, and its error kept
 * to show until the next attempt. `onError` sees the error too, e.g. to refetch after a 409.
 */
export function useAsyncAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(action: () => Promise<void>, onError?: (error: unknown) => void) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
      onError?.(e);
    } finally {
      setBusy(false);
    }
  }

  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
