import type { TrainingSessionView } from '@cascade/contracts';
import { Alert } from '@mui/material';
import { useMemo, useState } from 'react';
import {
  Edit,
  Labeled,
  ReferenceField,
  ShowButton,
  SimpleForm,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { SaveOnlyToolbar } from '../SaveOnlyToolbar';
import { ClashAlert, type Clash } from './ClashAlert';
import { LeadWarning } from './LeadWarning';
import { sessionFormValues, sessionPatchBody, validateSchedule, type SessionFormValues } from './sessionBody';
import { useSessionSaveError } from './SessionCreate';
import { SessionScheduleInputs } from './SessionInputs';

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

const SessionEditForm = ({ clash }: { clash: Clash | null }) => {
  const session = useRecordContext<TrainingSessionView>();
  const translate = useTranslate();
  const formRecord = useMemo(() => (session ? sessionFormValues(session) : undefined), [session]);
  if (!session) return null;
  const cancelled = session.status === 'cancelled';
  return (
    // The form shows the times in the session's own zone, not the browser's.
    <SimpleForm
      record={formRecord}
      validate={validateSchedule}
      toolbar={cancelled ? false : <SaveOnlyToolbar />}
      sx={{ maxWidth: 860 }}
    >
      {cancelled && (
        <Alert severity="info" sx={{ mb: 2, width: '100%' }}>
          {translate('cascade.sessions.cancelled_readonly')}
        </Alert>
      )}
      <ClashAlert clash={clash} />
      <LeadWarning session={session} offerReplace={false} />
      <Labeled source="planId">
        <ReferenceField source="planId" reference="training-plans" />
      </Labeled>
      <SessionScheduleInputs />
    </SimpleForm>
  );
};

export const SessionEdit = () => {
  const [clash, setClash] = useState<Clash | null>(null);
  const onError = useSessionSaveError(setClash);
  return (
    <Edit
      mutationMode="pessimistic"
      redirect="show"
      actions={<Actions />}
      transform={(data: SessionFormValues, options) =>
        sessionPatchBody(data, options?.previousData as TrainingSessionView)
      }
      mutationOptions={{ onError, onMutate: () => setClash(null) }}
    >
      <SessionEditForm clash={clash} />
    </Edit>
  );
};
