import { FormDataConsumer, TextInput, maxLength, required } from 'react-admin';
import { ScenarioAttachmentsInput } from './ScenarioAttachmentsInput';

export const ScenarioInputs = () => (
  <>
    <TextInput source="title" validate={[required(), maxLength(200)]} />
    <TextInput source="businessProcess" validate={maxLength(100)} />
    <TextInput
      source="narrative"
      multiline
      minRows={6}
      validate={[required(), maxLength(20000)]}
      helperText="cascade.scenarios.narrative_help"
    />
    <FormDataConsumer<{ organizationId?: string }>>
      {({ formData }) => <ScenarioAttachmentsInput organizationId={formData.organizationId} />}
    </FormDataConsumer>
  </>
);
