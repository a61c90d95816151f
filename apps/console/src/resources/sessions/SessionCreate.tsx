import type { SessionProblemCode } from '@cascade/contracts';
import { useState } from 'react';
import {
  AutocompleteInput,
  Create,
  ReferenceInput,
  SimpleForm,
  required,
  useGetIdentity,
  useNotify,
} from 'react-admin';
import { isProblemBody } from '../../providers/httpClient';
import { SaveOnlyToolbar } from '../SaveOnlyToolbar';
import { ClashAlert, clashOf, type Clash } from './ClashAlert';
import { sessionCreateBody, validateSchedule, type SessionFormValues } from './sessionBody';
import { SessionScheduleInputs } from './SessionInputs';
import { browserTimeZone } from './zonedTime';

/** Refusals of a session change the console words itself; others show the server's detail. */
const TRANSLATED: SessionProblemCode[] = ['STAFFING_FORBIDDEN', 'TRAINER_IS_ENROLLED', 'ENROLLEE_IS_TRAINER'];

/** Notifies the error unless the form shows it: field errors beside inputs, clashes in an alert. */
export function useSessionSaveError(setClash: (clash: Clash | null) => void) {
  const notify = useNotify();
  return (error: unknown) => {
    const clash = clashOf(error);
    setClash(clash);
    const fieldErrors = (error as { body?: { errors?: object } })?.body?.errors;
    if (clash || (fieldErrors && Object.keys(fieldErrors).length > 0)) return;
    const body = (error as { body?: unknown })?.body;
    const code = isProblemBody(body) ? (body.code as SessionProblemCode | undefined) : undefined;
    if (code && TRANSLATED.includes(code)) return notify(`cascade.session_problems.${code}`, { type: 'error' });
    notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
  };
}

export const SessionCreate = () => {
  const { identity } = useGetIdentity();
  const [clash, setClash] = useState<Clash | null>(null);
  const onError = useSessionSaveError(setClash);
  const isTrainer = (identity?.roles as string[] | undefined)?.includes('trainer') ?? false;
  const defaults: SessionFormValues = {
    timeZone: browserTimeZone(),
    capacity: 30,
    trainers: isTrainer && identity ? [{ userId: String(identity.id), role: 'lead' }] : [],
    checkInOpensMinutesBefore: 15,
    checkInClosesMinutesAfter: 30,
  };
  return (
    <Create
      redirect="show"
      transform={(data: SessionFormValues) => sessionCreateBody(data)}
      mutationOptions={{ onError, onMutate: () => setClash(null) }}
    >
      <SimpleForm
        defaultValues={defaults}
        validate={validateSchedule}
        toolbar={<SaveOnlyToolbar />}
        sx={{ maxWidth: 860 }}
      >
        <ClashAlert clash={clash} />
        <ReferenceInput source="planId" reference="training-plans" sort={{ field: 'updatedAt', order: 'DESC' }}>
          <AutocompleteInput optionText="title" validate={required()} />
        </ReferenceInput>
        <SessionScheduleInputs />
      </SimpleForm>
    </Create>
  );
};
