import { AutocompleteInput, Create, ReferenceInput, SimpleForm, required } from 'react-admin';
import { BY_NAME } from '../choices';
import { SaveOnlyToolbar } from '../SaveOnlyToolbar';
import { FeedbackFormInputs } from './FeedbackFormInputs';
import { itemsBody, NEW_ITEM, type DraftItem } from './feedbackFormBody';

const defaults = () => ({ anonymous: false, items: [{ ...NEW_ITEM }] });

export const FeedbackFormCreate = () => (
  <Create
    redirect="show"
    transform={(data: Record<string, unknown>) => ({ ...data, items: itemsBody(data.items as DraftItem[]) })}
  >
    <SimpleForm defaultValues={defaults} toolbar={<SaveOnlyToolbar />}>
      <ReferenceInput source="organizationId" reference="organizations" sort={BY_NAME}>
        <AutocompleteInput validate={required()} helperText="cascade.feedback_forms.organization_help" />
      </ReferenceInput>
      <FeedbackFormInputs />
    </SimpleForm>
  </Create>
);
