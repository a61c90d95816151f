import type { TrainingSessionView } from '@cascade/contracts';
import {
  AutocompleteInput,
  Create,
  FormDataConsumer,
  ReferenceInput,
  SimpleForm,
  useCanAccess,
  useGetIdentity,
} from 'react-admin';
import { SaveOnlyToolbar } from '../SaveOnlyToolbar';
import { PlanModuleInput } from '../training-plans/PlanModuleInput';
import { IssueDescriptionInputs } from './IssueInputs';

interface IssueFormValues {
  planId?: string;
  sessionId?: string;
  moduleId?: string;
}

/** Trainers pick the plan, then one of its sessions and modules. */
const PlanContextInputs = () => (
  <>
    <ReferenceInput source="planId" reference="training-plans" sort={{ field: 'updatedAt', order: 'DESC' }}>
      <AutocompleteInput optionText="title" />
    </ReferenceInput>
    <FormDataConsumer<IssueFormValues>>
      {({ formData }) => (
        <>
          <ReferenceInput
            source="sessionId"
            reference="sessions"
            filter={formData.planId ? { planId: formData.planId } : {}}
            sort={{ field: 'startsAt', order: 'DESC' }}
          >
            <AutocompleteInput optionText="title" />
          </ReferenceInput>
          <PlanModuleInput planId={formData.planId} />
        </>
      )}
    </FormDataConsumer>
  </>
);

/** Trainees point at one of their own sessions; the API takes plan and module from it. */
const OwnSessionInput = () => {
  const { identity } = useGetIdentity();
  return (
    <ReferenceInput
      source="sessionId"
      reference="sessions"
      filter={{ traineeId: identity?.id }}
      sort={{ field: 'startsAt', order: 'DESC' }}
    >
      <AutocompleteInput optionText={(session: TrainingSessionView) => session.title} />
    </ReferenceInput>
  );
};

export const IssueCreate = () => {
  const { canAccess: canBrowsePlans } = useCanAccess({ resource: 'training-plans', action: 'list' });
  return (
    <Create redirect="show">
      <SimpleForm
        defaultValues={{ category: 'software_defect', severity: 'medium' }}
        toolbar={<SaveOnlyToolbar />}
        sx={{ maxWidth: 720 }}
      >
        {canBrowsePlans ? <PlanContextInputs /> : <OwnSessionInput />}
        <IssueDescriptionInputs />
      </SimpleForm>
    </Create>
  );
};
