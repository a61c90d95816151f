import { Alert, AlertTitle, Link as MuiLink } from '@mui/material';
import { HttpError, useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { UserName } from '../UserName';
import { formatSessionTime } from './sessionDisplay';

export const CLASH_CODES = ['TRAINER_CLASH', 'LOCATION_CLASH', 'TRAINEE_CLASH', 'CAPACITY_EXCEEDED'] as const;
export type ClashCode = (typeof CLASH_CODES)[number];

export interface Clash {
  code: ClashCode;
  detail: string;
  /** Another client's session is named by its times alone (no id, no title). */
  conflict?: { sessionId: string | null; title: string | null; startsAt: string; endsAt: string; userId?: string };
}

/** The scheduling conflict a 409 answer describes, or null for any other error. */
export function clashOf(error: unknown): Clash | null {
  if (!(error instanceof HttpError) || error.status !== 409) return null;
  const body = (error.body ?? {}) as { code?: string; conflict?: Clash['conflict'] };
  if (!CLASH_CODES.includes(body.code as ClashCode)) return null;
  return { code: body.code as ClashCode, detail: error.message, conflict: body.conflict };
}

/** Which booking the new schedule collides with, linked so the trainer can look at it. */
export const ClashAlert = ({ clash }: { clash: Clash | null }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!clash) return null;
  const { conflict } = clash;
  return (
    <Alert severity="error" sx={{ mb: 2, width: '100%' }} role="alert">
      <AlertTitle>{translate(`cascade.sessions.clash.${clash.code}`)}</AlertTitle>
      {/* The server's sentence only where there is no conflicting session to name in the UI's language. */}
      {!conflict && clash.detail}
      {conflict && (
        <div>
          {translate('cascade.sessions.clash.with')}{' '}
          {conflict.sessionId ? (
            <MuiLink component={Link} to={`/sessions/${conflict.sessionId}/show`} target="_blank">
              {conflict.title}
            </MuiLink>
          ) : (
            translate('cascade.sessions.clash.another_session')
          )}{' '}
          ({formatSessionTime(conflict, locale)})
          {conflict.userId && (
            <>
              {' · '}
              <UserName id={conflict.userId} />
            </>
          )}
        </div>
      )}
    </Alert>
  );
};
