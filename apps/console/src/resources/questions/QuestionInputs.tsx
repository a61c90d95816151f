import {
  AutocompleteInput,
  FormDataConsumer,
  NumberInput,
  ReferenceInput,
  SelectInput,
  TextArrayInput,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
} from 'react-admin';
import { BY_TITLE } from '../choices';
import { difficultyChoices, questionStatusChoices } from '../examChoices';
import { QuestionBodyInput } from './QuestionBodyInput';

const ROW = { display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%' } as const;

/** Everything of a question but its organization, shared by create and edit. */
export const QuestionInputs = () => (
  <>
    <div style={ROW}>
      <TextInput source="businessProcess" validate={[required(), maxLength(100)]} sx={{ flex: '2 1 240px' }} />
      <SelectInput source="difficulty" choices={difficultyChoices} validate={required()} sx={{ flex: '1 1 160px' }} />
      <NumberInput
        source="points"
        validate={[required(), minValue(0.5), maxValue(100)]}
        step={0.5}
        sx={{ flex: '1 1 120px' }}
      />
      <SelectInput source="status" choices={questionStatusChoices} validate={required()} sx={{ flex: '1 1 160px' }} />
    </div>
    <FormDataConsumer<{ organizationId?: string }>>
      {({ formData }) => (
        <ReferenceInput
          source="scenarioId"
          reference="scenarios"
          sort={BY_TITLE}
          filter={formData.organizationId ? { organizationId: formData.organizationId } : {}}
        >
          <AutocompleteInput optionText="title" disabled={!formData.organizationId} />
        </ReferenceInput>
      )}
    </FormDataConsumer>
    <TextInput source="stem" multiline minRows={3} validate={[required(), maxLength(10000)]} />
    <QuestionBodyInput />
    <TextArrayInput source="tags" helperText="cascade.questions.tags_help" />
  </>
);
