import type { CheckInEntryView } from '@cascade/contracts';
import { httpClient } from '../../providers/httpClient';

export const checkInEntryApi = {
  /** Reopens a person's code entry closed after too many wrong codes. */
  async reopen(sessionId: string, userId: string): Promise<CheckInEntryView> {
    const path = `/sessions/${encodeURIComponent(sessionId)}/check-in-entries/${encodeURIComponent(userId)}/reopen`;
    return (await httpClient<CheckInEntryView>(path, { method: 'POST' })).json;
  },
};
