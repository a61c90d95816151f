import type { TrainingPlanView, UserView } from '@cascade/contracts';
import { AutocompleteInput, FormDataConsumer, required, useGetList, useGetOne, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { qualificationsApi } from '../../providers/qualificationsApi';
import { BY_NAME } from '../choices';
import { useApiQuery } from '../useApiQuery';
import type { SessionFormValues } from './sessionBody';
import { wallTimeToIso } from './zonedTime';

const PICKER_SX = { minWidth: 240 };

/** Only those who may lead this module's business process at the session's start: vendor trainers and qualified key users. */
const EligibleLeadInput = () => {
  const translate = useTranslate();
  const [planId, moduleId, startsAt, timeZone, organizationId, storedProcess] = useWatch<SessionFormValues>({
    name: ['planId', 'moduleId', 'startsAt', 'timeZone', 'organizationId', 'businessProcess'] as never,
  }) as (string | undefined)[];
  const { data: plan } = useGetOne<TrainingPlanView>(
    'training-plans',
    { id: planId ?? '' },
    { enabled: Boolean(planId) },
  );
  const clientId = plan?.organizationId ?? organizationId;
  const businessProcess = plan?.modules.find((module) => module.id === moduleId)?.businessProcess ?? storedProcess;
  let at: string | undefined;
  try {
    at = startsAt ? wallTimeToIso(startsAt, timeZone ?? 'UTC') : undefined;
  } catch {
    at = undefined;
  }
  const key = clientId && businessProcess ? `${clientId}|${businessProcess}|${at ?? ''}` : undefined;
  const { data, loading } = useApiQuery(() => qualificationsApi.eligibleLeads(clientId!, businessProcess!, at), key);
  const choices = (data ?? []).map((lead) => ({
    id: lead.userId,
    name:
      lead.kind === 'client' && lead.qualification
        ? `${lead.name} (${translate('cascade.lead_picker.qualified', { track: lead.qualification.trackTitle })})`
        : lead.name,
  }));
  return (
    <AutocompleteInput
      source="userId"
      label="cascade.sessions.trainer"
      choices={choices}
      isPending={Boolean(key) && loading}
      validate={required()}
      helperText={key ? 'cascade.lead_picker.help' : 'cascade.lead_picker.wait'}
      sx={PICKER_SX}
    />
  );
};

/** Who may assist: anyone with the trainer role, and the client's key users on a qualification track (co-delivering is how they qualify). */
const AssistantInput = () => {
  const translate = useTranslate();
  const [planId, organizationId] = useWatch<SessionFormValues>({
    name: ['planId', 'organizationId'] as never,
  }) as (string | undefined)[];
  const { data: plan } = useGetOne<TrainingPlanView>(
    'training-plans',
    { id: planId ?? '' },
    { enabled: Boolean(planId) },
  );
  const clientId = plan?.organizationId ?? organizationId;
  const { data: trainers = [] } = useGetList<UserView>('users', {
    filter: { role: 'trainer' },
    sort: BY_NAME,
    pagination: { page: 1, perPage: 100 },
  });
  const { data: onTrack } = useApiQuery(
    () => qualificationsApi.qualifications({ organizationId: clientId! }),
    clientId ? `assistants|${clientId}` : undefined,
  );
  const candidates = (onTrack ?? []).filter((q) => q.status !== 'expired' && q.status !== 'revoked');
  const choices = [
    ...trainers.map((user) => ({ id: user.id, name: user.name })),
    ...candidates
      .filter((q) => !trainers.some((user) => user.id === q.userId))
      .map((q) => ({
        id: q.userId,
        name: `${q.userName} (${translate('cascade.assistant_picker.candidate', { track: q.trackTitle })})`,
      })),
  ].filter((choice, i, all) => all.findIndex((c) => c.id === choice.id) === i);
  return (
    <AutocompleteInput
      source="userId"
      label="cascade.sessions.trainer"
      choices={choices}
      validate={required()}
      helperText="cascade.assistant_picker.help"
      sx={PICKER_SX}
    />
  );
};

/** The trainer of one row of the session's trainers: a lead from the gate's list, an assistant from trainers and candidates. */
export const TrainerUserInput = () => (
  <FormDataConsumer<SessionFormValues>>
    {({ scopedFormData }) =>
      (scopedFormData as { role?: string } | undefined)?.role === 'lead' ? <EligibleLeadInput /> : <AssistantInput />
    }
  </FormDataConsumer>
);
