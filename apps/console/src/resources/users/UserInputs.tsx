import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  CheckboxGroupInput,
  FormDataConsumer,
  PasswordInput,
  ReferenceArrayInput,
  ReferenceInput,
  SelectInput,
  TextInput,
  email,
  maxLength,
  minLength,
  required,
  useGetOne,
} from 'react-admin';
import type { OrganizationView } from '@cascade/contracts';
import { BY_NAME, attitudeChoices, localeChoices, roleChoices } from '../choices';

/** Department choices limited to the user's organization. */
export const DepartmentInput = ({ organizationId }: { organizationId?: string }) => (
  <ReferenceInput
    source="departmentId"
    reference="departments"
    filter={organizationId ? { organizationId } : {}}
    sort={BY_NAME}
  >
    <AutocompleteInput disabled={!organizationId} />
  </ReferenceInput>
);

/**
 * Roles an admin grants. A client user trains while a qualification is valid, never by a
 * granted role, so their organization offers no trainer choice.
 */
const RolesInput = ({ organizationId }: { organizationId?: string }) => {
  const { data: organization } = useGetOne<OrganizationView>(
    'organizations',
    { id: organizationId ?? '' },
    { enabled: Boolean(organizationId) },
  );
  const client = organization?.kind === 'client';
  return (
    <CheckboxGroupInput
      source="roles"
      choices={client ? roleChoices.filter((choice) => choice.id !== 'trainer') : roleChoices}
      helperText={client ? 'cascade.users.trainer_by_qualification' : false}
      validate={required()}
      row
    />
  );
};

/** The inputs shared by create and edit (everything but organization and password). */
export const UserProfileInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(100)]} />
    <TextInput source="email" type="email" validate={[required(), email(), maxLength(254)]} />
    <FormDataConsumer>
      {({ formData }) => <DepartmentInput organizationId={formData.organizationId} />}
    </FormDataConsumer>
    <FormDataConsumer>{({ formData }) => <RolesInput organizationId={formData.organizationId} />}</FormDataConsumer>
    <BooleanInput source="isKeyUser" />
    <SelectInput source="attitude" choices={attitudeChoices} emptyText="—" />
    <SelectInput source="locale" choices={localeChoices} />
    <ReferenceArrayInput
      source="assignedOrganizationIds"
      reference="organizations"
      filter={{ kind: 'client' }}
      sort={BY_NAME}
    >
      <AutocompleteArrayInput helperText="cascade.users.assigned_help" />
    </ReferenceArrayInput>
  </>
);

// The server also judges how guessable it is, and says so beside the field.
export const passwordValidation = [minLength(10), maxLength(128)];

export const UserPasswordInput = ({ helperText }: { helperText: string }) => (
  <PasswordInput source="password" autoComplete="new-password" validate={passwordValidation} helperText={helperText} />
);
