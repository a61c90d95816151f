import {
  Edit,
  Labeled,
  ReferenceField,
  ShowButton,
  SimpleForm,
  Toolbar,
  SaveButton,
  DeleteButton,
  TopToolbar,
} from 'react-admin';
import { ScenarioInputs } from './ScenarioInputs';

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

// The server refuses to delete a scenario questions still use (409), and says so.
const FormToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" />
  </Toolbar>
);

export const ScenarioEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" actions={<Actions />}>
    <SimpleForm toolbar={<FormToolbar />} sx={{ maxWidth: 800 }}>
      <Labeled source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" />
      </Labeled>
      <ScenarioInputs />
    </SimpleForm>
  </Edit>
);
