import { Edit, Labeled, ReferenceField, SimpleForm, TopToolbar, ShowButton } from 'react-admin';
import { SaveOnlyToolbar } from '../SaveOnlyToolbar';
import { UserActivationButton } from './UserActivationButton';
import { UserPasswordResetButton } from './UserPasswordResetButton';
import { UserPasswordInput, UserProfileInputs } from './UserInputs';

const Actions = () => (
  <TopToolbar>
    <UserPasswordResetButton />
    <UserActivationButton />
    <ShowButton />
  </TopToolbar>
);

// Pessimistic so server validation errors come back to the form fields.
export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" actions={<Actions />}>
    <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 640 }}>
      <Labeled source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" />
      </Labeled>
      <UserProfileInputs />
      <UserPasswordInput helperText="cascade.users.new_password_help" />
    </SimpleForm>
  </Edit>
);
