import { AutocompleteInput, Create, ReferenceInput, SimpleForm, required } from 'react-admin';
import { BY_NAME } from '../choices';
import { SaveOnlyToolbar } from '../SaveOnlyToolbar';
import { QuestionInputs } from './QuestionInputs';
import { QuestionPreviewButton } from './QuestionPreviewButton';
import { defaultBody } from './questionBody';

const defaults = () => ({ ...defaultBody('single_choice'), difficulty: 2, points: 2, status: 'draft', tags: [] });

export const QuestionCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={defaults} toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 960 }}>
      <ReferenceInput source="organizationId" reference="organizations" sort={BY_NAME}>
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <QuestionInputs />
      <QuestionPreviewButton />
    </SimpleForm>
  </Create>
);
