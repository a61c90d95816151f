import { AutocompleteInput, Create, ReferenceInput, SimpleForm, required, useGetIdentity } from 'react-admin';
import { BY_NAME } from '../choices';
import { SaveOnlyToolbar } from '../SaveOnlyToolbar';
import { planCreateBody, type PlanFormValues } from './planBody';
import { PlanFormSections } from './PlanFormSections';

export const PlanCreate = () => {
  const { identity } = useGetIdentity();
  const isTrainer = (identity?.roles as string[] | undefined)?.includes('trainer') ?? false;
  const defaults: PlanFormValues = {
    signInMethod: 'qr',
    trainerIds: isTrainer && identity ? [String(identity.id)] : [],
    modules: [],
    targets: [],
  };
  return (
    <Create redirect="show" transform={(data: PlanFormValues) => planCreateBody(data)}>
      <SimpleForm defaultValues={defaults} toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 960 }}>
        <ReferenceInput source="organizationId" reference="organizations" filter={{ kind: 'client' }} sort={BY_NAME}>
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
        <PlanFormSections />
      </SimpleForm>
    </Create>
  );
};
