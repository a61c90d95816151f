import type { TrainingPlanView } from '@cascade/contracts';
import { Alert } from '@mui/material';
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
import { planPatchBody, type PlanFormValues } from './planBody';
import { PlanFormSections } from './PlanFormSections';
import { ChangeReasonInput } from './PlanInputs';
import { isClosedPlan } from './planStatus';

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

const PlanEditForm = () => {
  const record = useRecordContext<TrainingPlanView>();
  const translate = useTranslate();
  if (!record) return null;
  const closed = isClosedPlan(record.status);
  return (
    <SimpleForm toolbar={closed ? false : <SaveOnlyToolbar />} sx={{ maxWidth: 960 }}>
      {closed && (
        <Alert severity="info" sx={{ mb: 2, width: '100%' }}>
          {translate('cascade.plans.closed')}
        </Alert>
      )}
      {/* First, so the trainer knows before editing that the change goes back to the client. */}
      {record.confirmedAt !== null && !closed && <ChangeReasonInput />}
      <Labeled source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" />
      </Labeled>
      <PlanFormSections />
    </SimpleForm>
  );
};

// Pessimistic so a missing reason (422) or a closed plan (409) comes back to the form.
export const PlanEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="show"
    actions={<Actions />}
    transform={(data: PlanFormValues, options) => planPatchBody(data, options?.previousData as TrainingPlanView)}
  >
    <PlanEditForm />
  </Edit>
);
