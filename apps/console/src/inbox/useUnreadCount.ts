import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { CascadeDataProvider } from '../providers/dataProvider';

export const UNREAD_POLL_MS = 30_000;

const inboxEvents = new EventTarget();

/** Tell every unread counter to reload now, e.g. after marking messages read. */
export const announceInboxChanged = () => inboxEvents.dispatchEvent(new Event('changed'));

/** The number of unread inbox messages, polled while the tab is visible. */
export function useUnreadCount(pollMs = UNREAD_POLL_MS): number | undefined {
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const [count, setCount] = useState<number>();

  useEffect(() => {
    let active = true;
    const load = () => {
      if (document.hidden) return;
      dataProvider.unreadNotificationCount().then(
        (unread) => {
          // After a forced logout react-admin resolves with a placeholder instead of a number.
          if (active && typeof unread === 'number') setCount(unread);
        },
        () => undefined,
      );
    };
    load();
    const timer = window.setInterval(load, pollMs);
    inboxEvents.addEventListener('changed', load);
    document.addEventListener('visibilitychange', load);
    return () => {
      active = false;
      window.clearInterval(timer);
      inboxEvents.removeEventListener('changed', load);
      document.removeEventListener('visibilitychange', load);
    };
  }, [dataProvider, pollMs]);

  return count;
}
