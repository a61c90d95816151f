import { BooleanInput, CheckboxGroupInput, TextInput, maxLength, minLength, regex, required } from 'react-admin';
import { eventChoices } from './webhookChoices';

// The server decides which addresses are allowed (422 naming `url`); this only catches typos.
const looksLikeUrl = regex(/^https?:\/\/\S+$/i, 'cascade.webhooks.url_format');

/** URL, events and whether it is on; the secret is write-only and optional (generated when left blank). */
export const WebhookInputs = ({ creating = false }: { creating?: boolean }) => (
  <>
    <TextInput source="url" validate={[required(), maxLength(2000), looksLikeUrl]} fullWidth />
    <CheckboxGroupInput source="events" choices={eventChoices} validate={required()} row={false} />
    <TextInput
      source="secret"
      type="password"
      autoComplete="new-password"
      validate={[minLength(16), maxLength(200)]}
      helperText={creating ? 'cascade.webhooks.secret_help_create' : 'cascade.webhooks.secret_help_edit'}
      fullWidth
    />
    <BooleanInput source="enabled" helperText={creating ? false : 'cascade.webhooks.enable_help'} />
  </>
);
