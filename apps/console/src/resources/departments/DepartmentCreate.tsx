import { Create, SimpleForm } from 'react-admin';
import { DepartmentInputs, DepartmentOrganizationInput } from './DepartmentInputs';

export const DepartmentCreate = () => (
  <Create redirect="show">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <DepartmentOrganizationInput />
      <DepartmentInputs />
    </SimpleForm>
  </Create>
);
