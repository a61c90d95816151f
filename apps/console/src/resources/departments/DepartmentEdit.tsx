import { Edit, Labeled, ReferenceField, SimpleForm } from 'react-admin';
import { DepartmentInputs } from './DepartmentInputs';

// Pessimistic so server validation errors come back to the form fields.
export const DepartmentEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <Labeled source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" />
      </Labeled>
      <DepartmentInputs />
    </SimpleForm>
  </Edit>
);
