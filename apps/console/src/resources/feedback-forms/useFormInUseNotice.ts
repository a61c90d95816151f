import { HttpError, useNotify } from 'react-admin';
import { isProblemBody } from '../../providers/httpClient';

/** A 409 FORM_IN_USE said in the user's language; any other error as the server put it. */
export function useFormInUseNotice() {
  const notify = useNotify();
  return (error: unknown, inUseKey: string) => {
    const code = error instanceof HttpError && isProblemBody(error.body) ? error.body.code : undefined;
    if (code === 'FORM_IN_USE') notify(inUseKey, { type: 'error' });
    else notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
  };
}
