import { AutocompleteInput, Edit, ReferenceInput, ShowButton, SimpleForm, TopToolbar } from 'react-admin';
import { BY_NAME } from '../choices';
import { SaveOnlyToolbar } from '../SaveOnlyToolbar';
import { IssueDescriptionInputs } from './IssueInputs';

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

export const IssueEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" actions={<Actions />}>
    <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 720 }}>
      <IssueDescriptionInputs />
      <ReferenceInput source="assigneeId" reference="users" sort={BY_NAME}>
        <AutocompleteInput />
      </ReferenceInput>
    </SimpleForm>
  </Edit>
);
