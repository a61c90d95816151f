import { Edit, Labeled, ReferenceField, ShowButton, SimpleForm, TopToolbar } from 'react-admin';
import { SaveOnlyToolbar } from '../SaveOnlyToolbar';
import { WebhookInputs } from './WebhookInputs';

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

// Pessimistic so a refused address (422 naming `url`) comes back to the form.
export const WebhookEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" actions={<Actions />}>
    <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 720 }}>
      <Labeled source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" />
      </Labeled>
      <WebhookInputs />
    </SimpleForm>
  </Edit>
);
