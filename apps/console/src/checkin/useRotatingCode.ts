import type { CheckInCodeView } from '@cascade/contracts';
import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { CascadeDataProvider } from '../providers/dataProvider';

/** Fetch the next code this long after the current step ends; the server only knows the current step. */
const AFTER_ROLLOVER_MS = 300;
/** Same code again: this browser's clock runs ahead of the server's. Ask again soon. */
const SAME_CODE_RETRY_MS = 1_000;
const ERROR_RETRY_MS = 5_000;

/**
 * The session's current check-in code, replaced right after its step ends. The API also accepts
 * the previous step's code, so the code on screen never stops working before the new one shows.
 */
export function useRotatingCode(sessionId: string | undefined) {
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const [code, setCode] = useState<CheckInCodeView | null>(null);
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    if (!sessionId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let shown: string | null = null;
    const load = async () => {
      try {
        const next = await dataProvider.checkInCode(sessionId);
        if (stopped) return;
        setCode(next);
        setError(null);
        const period = next.periodSeconds * 1000;
        const untilExpiry = Date.parse(next.expiresAt) - Date.now();
        // A wait outside one period means the clocks disagree; fall back to the period.
        const wait =
          next.code === shown
            ? SAME_CODE_RETRY_MS
            : untilExpiry > 0 && untilExpiry <= period
              ? untilExpiry + AFTER_ROLLOVER_MS
              : period;
        shown = next.code;
        timer = setTimeout(load, wait);
      } catch (failure) {
        if (stopped) return;
        setError(failure instanceof Error ? failure : new Error(String(failure)));
        timer = setTimeout(load, ERROR_RETRY_MS);
      }
    };
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [dataProvider, sessionId]);

  return { code, error };
}
