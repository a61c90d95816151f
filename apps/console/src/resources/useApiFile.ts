import { useCallback } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import type { CascadeDataProvider } from '../providers/dataProvider';

// Object URLs stay valid long enough for the new tab or the download to read them.
const REVOKE_AFTER_MS = 60_000;

/**
 * Saves or opens files the API serves behind the bearer token (a plain link cannot send it).
 * An object URL belongs to the console's origin, so a file is only ever saved, never shown as a
 * page there: only the server's own PDFs open in a tab, and always as PDF whatever the answer says.
 */
export function useApiFile() {
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const notify = useNotify();

  const failed = useCallback(
    (error: unknown) =>
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' }),
    [notify],
  );

  const openPdf = useCallback(
    async (path: string) => {
      // Opened before the fetch, inside the click, so popup blockers let it through.
      const tab = window.open('', '_blank');
      try {
        const { blob } = await dataProvider.download(path);
        const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
        if (tab) tab.location.href = url;
        else window.location.assign(url);
        setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
      } catch (error) {
        tab?.close();
        failed(error);
      }
    },
    [dataProvider, failed],
  );

  const save = useCallback(
    async (path: string, fallbackName: string) => {
      try {
        const { blob, fileName } = await dataProvider.download(path);
        // Opaque bytes: should the download attribute ever be ignored, the browser saves rather than renders.
        const url = URL.createObjectURL(new Blob([blob], { type: 'application/octet-stream' }));
        const link = document.createElement('a');
        link.href = url;
        link.download = fileName ?? fallbackName;
        link.rel = 'noopener';
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
      } catch (error) {
        failed(error);
      }
    },
    [dataProvider, failed],
  );

  return { openPdf, save };
}
