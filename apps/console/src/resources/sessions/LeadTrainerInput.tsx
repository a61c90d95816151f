import type { TrainingPlanView } from '@cascade/contracts';
import { AutocompleteInput, FormDataConsumer, ReferenceInput, required, useGetOne, useTranslate } from 'react-admin';
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

/** The trainer of one row of the session's trainers: a lead from the gate's list, an assistant from the trainers. */
export const TrainerUserInput = () => (
  <FormDataConsumer<SessionFormValues>>
    {({ scopedFormData }) =>
      (scopedFormData as { role?: string } | undefined)?.role === 'lead' ? (
        <EligibleLeadInput />
      ) : (
        <ReferenceInput source="userId" reference="users" filter={{ role: 'trainer' }} sort={BY_NAME}>
          <AutocompleteInput label="cascade.sessions.trainer" validate={required()} sx={PICKER_SX} />
        </ReferenceInput>
      )
    }
  </FormDataConsumer>
);
