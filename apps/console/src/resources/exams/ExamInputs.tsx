import { REVIEW_MODES } from '@cascade/contracts';
import { Box, Typography } from '@mui/material';
import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  DateTimeInput,
  FormDataConsumer,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceArrayInput,
  ReferenceInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
  useTranslate,
} from 'react-admin';
import { BY_NAME, BY_TITLE } from '../choices';
import { examKindChoices, resultVisibilityChoices } from '../examChoices';
import { BlueprintGridInput } from './BlueprintGridInput';
import type { ExamFormValues } from './examBody';

const ROW = { display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%' } as const;
const ITEM = { flex: '1 1 200px' } as const;
const modeChoices = [
  { id: 'fixed', name: 'cascade.exams.mode_fixed' },
  { id: 'blueprint', name: 'cascade.exams.mode_blueprint' },
];
const reviewModeChoices = REVIEW_MODES.map((id) => ({ id, name: `cascade.review_mode.${id}` }));

const Section = ({ label }: { label: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mt: 2, mb: 1 }}>
      {translate(label)}
    </Typography>
  );
};

const QuestionChoice = ({ organizationId, mode }: { organizationId?: string; mode?: string }) =>
  mode === 'blueprint' ? (
    <BlueprintGridInput organizationId={organizationId} />
  ) : (
    <ReferenceArrayInput
      source="questionIds"
      reference="questions"
      filter={{ organizationId, status: 'active' }}
      perPage={50}
    >
      <AutocompleteArrayInput
        optionText="stem"
        disabled={!organizationId}
        validate={required()}
        helperText="cascade.exams.fixed_help"
      />
    </ReferenceArrayInput>
  );

const Assignees = ({ organizationId }: { organizationId?: string }) => (
  <>
    <Box sx={ROW}>
      <BooleanInput source="assignees.planTrainees" sx={ITEM} />
      <BooleanInput source="assignees.sessionEnrollees" sx={ITEM} />
    </Box>
    <ReferenceArrayInput
      source="assignees.userIds"
      reference="users"
      filter={{ organizationId, role: 'trainee' }}
      sort={BY_NAME}
      perPage={100}
    >
      <AutocompleteArrayInput disabled={!organizationId} />
    </ReferenceArrayInput>
  </>
);

const Overrides = ({ organizationId }: { organizationId?: string }) => (
  <ArrayInput source="overrides" helperText="cascade.exams.overrides_help">
    <SimpleFormIterator inline disableReordering>
      <ReferenceInput source="userId" reference="users" filter={{ organizationId }} sort={BY_NAME}>
        <AutocompleteInput validate={required()} sx={{ minWidth: 220 }} />
      </ReferenceInput>
      <NumberInput source="extraMinutes" validate={[minValue(0), maxValue(600)]} sx={{ width: 140 }} />
      <DateTimeInput source="opensAt" />
      <DateTimeInput source="closesAt" />
    </SimpleFormIterator>
  </ArrayInput>
);

/** Everything of an exam but its client. */
export const ExamInputs = () => (
  <FormDataConsumer<ExamFormValues>>
    {({ formData }) => (
      <>
        <Box sx={ROW}>
          <TextInput source="title" validate={[required(), maxLength(200)]} sx={{ flex: '3 1 320px' }} />
          <SelectInput source="kind" choices={examKindChoices} validate={required()} sx={ITEM} />
        </Box>
        <Box sx={ROW}>
          <ReferenceInput
            source="planId"
            reference="training-plans"
            filter={{ organizationId: formData.organizationId }}
            sort={BY_TITLE}
          >
            <AutocompleteInput optionText="title" disabled={!formData.organizationId} sx={ITEM} />
          </ReferenceInput>
          <ReferenceInput
            source="sessionId"
            reference="sessions"
            filter={{ organizationId: formData.organizationId, planId: formData.planId || undefined }}
            sort={{ field: 'startsAt', order: 'DESC' }}
          >
            <AutocompleteInput optionText="title" disabled={!formData.organizationId} sx={ITEM} />
          </ReferenceInput>
        </Box>

        <Section label="cascade.exams.section_questions" />
        <RadioButtonGroupInput source="mode" choices={modeChoices} label={false} />
        <QuestionChoice organizationId={formData.organizationId} mode={formData.mode} />

        <Section label="cascade.exams.section_rules" />
        <Box sx={ROW}>
          <DateTimeInput source="opensAt" validate={required()} sx={ITEM} />
          <DateTimeInput source="closesAt" validate={required()} sx={ITEM} />
        </Box>
        <Box sx={ROW}>
          <NumberInput source="timeLimitMinutes" validate={[required(), minValue(1), maxValue(600)]} sx={ITEM} />
          <NumberInput source="passPercent" validate={[required(), minValue(0), maxValue(100)]} sx={ITEM} />
          <NumberInput source="attemptsAllowed" validate={[required(), minValue(1), maxValue(20)]} sx={ITEM} />
        </Box>
        <Box sx={ROW}>
          <BooleanInput source="shuffleQuestions" sx={ITEM} />
          <BooleanInput source="shuffleOptions" sx={ITEM} />
          <SelectInput source="showResults" choices={resultVisibilityChoices} validate={required()} sx={ITEM} />
          <SelectInput
            source="reviewMode"
            choices={reviewModeChoices}
            validate={required()}
            helperText="cascade.exams.review_mode_help"
            sx={{ flex: '2 1 320px' }}
          />
        </Box>

        <Section label="cascade.exams.section_assignees" />
        <Assignees organizationId={formData.organizationId} />

        <Section label="cascade.exams.section_overrides" />
        <Overrides organizationId={formData.organizationId} />
      </>
    )}
  </FormDataConsumer>
);
