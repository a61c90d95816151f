import { useCallback, useEffect, useRef, useState } from 'react';

export interface ApiQuery<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  reload: () => Promise<void>;
}

/**
 * Loads one non-list answer of the API (revisions, summaries, sheets). `key` names what is
 * loaded: a new key loads again, e.g. the record's updatedAt after a workflow action.
 */
export function useApiQuery<T>(load: () => Promise<T>, key: string | undefined): ApiQuery<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(key !== undefined);
  const loadRef = useRef(load);
  loadRef.current = load;
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const call = ++latest.current;
    setLoading(true);
    try {
      const answer = await loadRef.current();
      if (call !== latest.current) return;
      setData(answer);
      setError(null);
    } catch (failure) {
      if (call !== latest.current) return;
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      if (call === latest.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (key === undefined) return;
    void reload();
    return () => {
      // A late answer for an older key must not overwrite the newer one.
      latest.current++;
    };
  }, [key, reload]);

  return { data, error, loading, reload };
}
