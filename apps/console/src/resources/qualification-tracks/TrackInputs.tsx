import { CRITERION_KINDS } from '@cascade/contracts';
import { Box, Typography } from '@mui/material';
import { useMemo } from 'react';
import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  FormDataConsumer,
  NumberInput,
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
import { useWatch } from 'react-hook-form';
import { BY_TITLE } from '../choices';
import { useBusinessProcesses } from '../exams/useBusinessProcesses';
import type { CriterionFormValues, TrackFormValues } from './trackBody';

const ROW = { display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%' } as const;
const ITEM = { flex: '1 1 220px', minWidth: 220 } as const;
export const criterionKindChoices = CRITERION_KINDS.map((id) => ({ id, name: `cascade.qualifications.kind.${id}` }));

const Section = ({ label }: { label: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mt: 2, mb: 1 }}>
      {translate(label)}
    </Typography>
  );
};

const CertificationExamInput = ({ source, organizationId }: { source: string; organizationId?: string }) => (
  <ReferenceInput source={source} reference="exams" filter={{ organizationId, kind: 'certification' }} sort={BY_TITLE}>
    <AutocompleteInput
      label="cascade.qualifications.criterion.exam"
      optionText="title"
      validate={required()}
      sx={ITEM}
      fullWidth={false}
    />
  </ReferenceInput>
);

/** The inputs one criterion kind needs; the others stay hidden and are dropped by the body. */
const CriterionFields = ({
  criterion,
  organizationId,
}: {
  criterion: CriterionFormValues;
  organizationId?: string;
}) => {
  const percent = (
    <NumberInput
      source="minPercent"
      label="cascade.qualifications.criterion.min_percent"
      min={0}
      max={100}
      validate={[required(), minValue(0), maxValue(100)]}
      fullWidth={false}
      sx={{ width: 160 }}
    />
  );
  switch (criterion?.kind) {
    case 'exam':
      return (
        <Box sx={ROW}>
          <CertificationExamInput source="examId" organizationId={organizationId} />
          {percent}
        </Box>
      );
    case 'attendance':
      return (
        <Box sx={ROW}>
          <ReferenceArrayInput source="planIds" reference="training-plans" filter={{ organizationId }} sort={BY_TITLE}>
            <AutocompleteArrayInput
              label="cascade.qualifications.criterion.plans"
              optionText="title"
              validate={required()}
              sx={{ flex: '1 1 320px' }}
              fullWidth={false}
            />
          </ReferenceArrayInput>
          {percent}
        </Box>
      );
    case 'co_delivery':
      return (
        <NumberInput
          source="sessions"
          label="cascade.qualifications.criterion.sessions"
          min={1}
          max={100}
          validate={[required(), minValue(1), maxValue(100)]}
          fullWidth={false}
        />
      );
    case 'trainer_feedback':
      return (
        <Box sx={ROW}>
          <NumberInput
            source="minAverage"
            label="cascade.qualifications.criterion.min_average"
            min={1}
            max={5}
            step={0.1}
            validate={[required(), minValue(1), maxValue(5)]}
            fullWidth={false}
          />
          <NumberInput
            source="minResponses"
            label="cascade.qualifications.criterion.min_responses"
            min={1}
            validate={[required(), minValue(1)]}
            fullWidth={false}
          />
        </Box>
      );
    case 'teach_back':
      return (
        <TextInput
          source="checklistText"
          label="cascade.qualifications.criterion.checklist"
          helperText="cascade.qualifications.criterion.checklist_help"
          multiline
          minRows={3}
        />
      );
    default:
      return null;
  }
};

const BusinessProcessesInput = () => {
  const organizationId = useWatch<TrackFormValues>({ name: 'organizationId' }) as string | undefined;
  const chosen = (useWatch<TrackFormValues>({ name: 'businessProcesses' }) as string[] | undefined) ?? [];
  const known = useBusinessProcesses(organizationId);
  const choices = useMemo(
    () => [...new Set([...known, ...chosen])].map((process) => ({ id: process, name: process })),
    [known, chosen],
  );
  return (
    <AutocompleteArrayInput
      source="businessProcesses"
      choices={choices}
      validate={required()}
      helperText="cascade.qualifications.business_processes_help"
      onCreate={(text) => {
        const process = (text ?? '').trim();
        return process ? { id: process, name: process } : undefined;
      }}
    />
  );
};

/** Title, processes, criteria (per kind), validity and renewal; the client is chosen by the caller. */
export const TrackInputs = () => {
  const organizationId = useWatch<TrackFormValues>({ name: 'organizationId' }) as string | undefined;
  return (
    <>
      <TextInput source="title" validate={[required(), maxLength(200)]} />
      <TextInput source="description" multiline minRows={2} validate={maxLength(2000)} />
      <BusinessProcessesInput />
      <Section label="cascade.qualifications.section.criteria" />
      <ArrayInput source="criteria" label={false} validate={required()}>
        <SimpleFormIterator disableReordering fullWidth>
          <SelectInput
            source="kind"
            label="cascade.qualifications.criterion.kind"
            choices={criterionKindChoices}
            validate={required()}
          />
          <FormDataConsumer<TrackFormValues>>
            {({ scopedFormData }) => (
              <CriterionFields criterion={scopedFormData as CriterionFormValues} organizationId={organizationId} />
            )}
          </FormDataConsumer>
        </SimpleFormIterator>
      </ArrayInput>
      <Section label="cascade.qualifications.section.validity" />
      <NumberInput
        source="validityMonths"
        min={1}
        max={120}
        validate={[minValue(1), maxValue(120)]}
        helperText="cascade.qualifications.validity_help"
        fullWidth={false}
      />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        <RenewalHint />
      </Typography>
      <Box sx={ROW}>
        <CertificationExamInputOptional organizationId={organizationId} />
        <NumberInput
          source="renewalExamMinPercent"
          sx={ITEM}
          min={0}
          max={100}
          validate={[minValue(0), maxValue(100)]}
          fullWidth={false}
        />
      </Box>
      <Box sx={ROW}>
        <NumberInput
          source="renewalSessions"
          sx={ITEM}
          min={1}
          max={100}
          validate={[minValue(1), maxValue(100)]}
          fullWidth={false}
        />
        <NumberInput
          source="renewalMinAverage"
          sx={ITEM}
          min={1}
          max={5}
          step={0.1}
          validate={[minValue(1), maxValue(5)]}
          fullWidth={false}
        />
      </Box>
      <BooleanInput source="active" />
    </>
  );
};

const RenewalHint = () => useTranslate()('cascade.qualifications.renewal_help');

const CertificationExamInputOptional = ({ organizationId }: { organizationId?: string }) => (
  <ReferenceInput
    source="renewalExamId"
    reference="exams"
    filter={{ organizationId, kind: 'certification' }}
    sort={BY_TITLE}
  >
    <AutocompleteInput optionText="title" sx={ITEM} fullWidth={false} />
  </ReferenceInput>
);
