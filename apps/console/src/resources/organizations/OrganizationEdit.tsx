import { Edit } from 'react-admin';
import { OrganizationForm } from './OrganizationForm';

// Pessimistic so server validation errors come back to the form fields.
export const OrganizationEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <OrganizationForm />
  </Edit>
);
