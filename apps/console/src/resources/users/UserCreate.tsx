import { AutocompleteInput, Create, ReferenceInput, SimpleForm, required } from 'react-admin';
import { SaveOnlyToolbar } from '../SaveOnlyToolbar';
import { UserPasswordInput, UserProfileInputs } from './UserInputs';
import { BY_NAME } from '../choices';

const defaults = { roles: ['trainee'], isKeyUser: false, locale: 'zh-CN', assignedOrganizationIds: [] };

export const UserCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={defaults} toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 640 }}>
      <ReferenceInput source="organizationId" reference="organizations" sort={BY_NAME}>
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <UserProfileInputs />
      <UserPasswordInput helperText="cascade.users.password_help" />
    </SimpleForm>
  </Create>
);
