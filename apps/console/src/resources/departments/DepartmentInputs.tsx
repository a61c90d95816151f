import { AutocompleteInput, FormDataConsumer, ReferenceInput, TextInput, maxLength, required } from 'react-admin';
import { BY_NAME } from '../choices';

/** Parent department and manager, both limited to the department's organization. */
const ScopedInputs = ({ organizationId }: { organizationId?: string }) => {
  const scope = organizationId ? { organizationId } : {};
  return (
    <>
      <ReferenceInput source="parentId" reference="departments" filter={scope} sort={BY_NAME}>
        <AutocompleteInput disabled={!organizationId} />
      </ReferenceInput>
      <ReferenceInput source="managerId" reference="users" filter={scope} sort={BY_NAME}>
        <AutocompleteInput disabled={!organizationId} />
      </ReferenceInput>
    </>
  );
};

export const DepartmentInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(200)]} />
    <FormDataConsumer>{({ formData }) => <ScopedInputs organizationId={formData.organizationId} />}</FormDataConsumer>
  </>
);

export const DepartmentOrganizationInput = () => (
  <ReferenceInput source="organizationId" reference="organizations" sort={BY_NAME}>
    <AutocompleteInput validate={required()} />
  </ReferenceInput>
);
