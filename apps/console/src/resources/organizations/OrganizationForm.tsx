import { SelectInput, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { organizationKindChoices } from '../choices';
import { SaveOnlyToolbar } from '../SaveOnlyToolbar';

export const OrganizationForm = () => (
  <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 560 }}>
    <TextInput source="name" validate={[required(), maxLength(200)]} />
    <SelectInput source="kind" choices={organizationKindChoices} validate={required()} />
    <TextInput source="industry" validate={maxLength(200)} />
  </SimpleForm>
);
