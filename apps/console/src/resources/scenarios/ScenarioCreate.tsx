import { AutocompleteInput, Create, ReferenceInput, SimpleForm, required } from 'react-admin';
import { BY_NAME } from '../choices';
import { SaveOnlyToolbar } from '../SaveOnlyToolbar';
import { ScenarioInputs } from './ScenarioInputs';

export const ScenarioCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ attachments: [] }} toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 800 }}>
      <ReferenceInput source="organizationId" reference="organizations" sort={BY_NAME}>
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <ScenarioInputs />
    </SimpleForm>
  </Create>
);
