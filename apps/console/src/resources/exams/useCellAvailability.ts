import { useEffect, useState } from 'react';
import { examApi } from '../../providers/examApi';

const DEBOUNCE_MS = 400;

/**
 * How many active questions one blueprint cell can draw from, asked as the trainer types
 * (the saved exam's blueprint check says the same for what is stored).
 */
export function useCellAvailability(
  organizationId: string | undefined,
  businessProcess: string | undefined,
  difficulty: number | undefined,
): number | null | undefined {
  // undefined: not askable yet; null: asking.
  const [available, setAvailable] = useState<number | null | undefined>(undefined);
  const process = businessProcess?.trim();
  useEffect(() => {
    if (!organizationId || !process || !difficulty) {
      setAvailable(undefined);
      return;
    }
    let current = true;
    setAvailable(null);
    const timer = setTimeout(() => {
      examApi
        .activeQuestionCount(organizationId, process, difficulty)
        .then((count) => current && setAvailable(count))
        .catch(() => current && setAvailable(undefined));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [organizationId, process, difficulty]);
  return available;
}
