import type { WebhookView } from '@cascade/contracts';
import { AutocompleteInput, Create, ReferenceInput, SimpleForm, usePermissions } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { BY_NAME } from '../choices';
import { SaveOnlyToolbar } from '../SaveOnlyToolbar';
import { WebhookInputs } from './WebhookInputs';

const defaults = () => ({ enabled: true, events: [] });

/** After saving, the show page gets the generated secret once, through the router's state. */
export const WebhookCreate = () => {
  const navigate = useNavigate();
  const { permissions } = usePermissions<string[]>();
  const isAdmin = permissions?.includes('admin') ?? false;
  return (
    <Create
      mutationOptions={{
        onSuccess: (webhook: WebhookView) =>
          navigate(`/webhooks/${webhook.id}/show`, { state: { secret: webhook.secret ?? null } }),
      }}
    >
      <SimpleForm defaultValues={defaults} toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 720 }}>
        {/* A manager's webhooks belong to their own organization; an admin names the client. */}
        {isAdmin && (
          <ReferenceInput source="organizationId" reference="organizations" sort={BY_NAME} filter={{ kind: 'client' }}>
            <AutocompleteInput />
          </ReferenceInput>
        )}
        <WebhookInputs creating />
      </SimpleForm>
    </Create>
  );
};
