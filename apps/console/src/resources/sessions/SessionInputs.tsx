import { Box, Typography } from '@mui/material';
import { useMemo } from 'react';
import {
  ArrayInput,
  AutocompleteInput,
  DateTimeInput,
  FormDataConsumer,
  NumberInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  number,
  required,
  useTranslate,
} from 'react-admin';
import { trainerRoleChoices } from '../choices';
import { httpUrl } from '../validation';
import { PlanModuleInput } from '../training-plans/PlanModuleInput';
import { TrainerUserInput } from './LeadTrainerInput';
import type { SessionFormValues } from './sessionBody';
import { timeZoneChoices } from './zonedTime';

/** Inputs sharing a row on wide screens, one per line on a phone. */
const ROW_ITEM = { flex: '1 1 220px', minWidth: 220 };

const Section = ({ label }: { label: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h2" sx={{ mt: 2, mb: 1, fontWeight: 600 }}>
      {translate(label)}
    </Typography>
  );
};

/** Module, time, place, capacity, trainers and check-in window; the plan is chosen by the caller. */
export const SessionScheduleInputs = () => {
  const zones = useMemo(timeZoneChoices, []);
  return (
    <>
      <FormDataConsumer<SessionFormValues>>
        {({ formData }) => <PlanModuleInput planId={formData.planId} required locationHint />}
      </FormDataConsumer>
      <TextInput source="title" validate={maxLength(200)} helperText="cascade.sessions.title_help" />
      <Section label="cascade.sessions.section.time" />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%' }}>
        <DateTimeInput source="startsAt" validate={required()} fullWidth={false} sx={ROW_ITEM} />
        <DateTimeInput source="endsAt" validate={required()} fullWidth={false} sx={ROW_ITEM} />
        <AutocompleteInput
          source="timeZone"
          choices={zones}
          validate={required()}
          disableClearable
          fullWidth={false}
          sx={ROW_ITEM}
        />
      </Box>
      <Section label="cascade.sessions.section.place" />
      <TextInput source="location" validate={maxLength(200)} />
      <TextInput source="onlineUrl" type="url" validate={[maxLength(2000), httpUrl]} />
      <NumberInput
        source="capacity"
        fullWidth={false}
        min={1}
        max={1000}
        validate={[required(), number(), minValue(1), maxValue(1000)]}
      />
      <Section label="cascade.sessions.section.trainers" />
      <ArrayInput source="trainers" label={false} validate={required()}>
        <SimpleFormIterator inline disableReordering>
          <TrainerUserInput />
          <SelectInput
            source="role"
            label="cascade.sessions.trainer_role"
            choices={trainerRoleChoices}
            defaultValue="assistant"
            validate={required()}
          />
        </SimpleFormIterator>
      </ArrayInput>
      <Section label="cascade.sessions.section.check_in" />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%' }}>
        <NumberInput
          source="checkInOpensMinutesBefore"
          label="cascade.sessions.opens_before"
          fullWidth={false}
          sx={ROW_ITEM}
          min={0}
          max={240}
          validate={[required(), minValue(0), maxValue(240)]}
        />
        <NumberInput
          source="checkInClosesMinutesAfter"
          label="cascade.sessions.closes_after"
          fullWidth={false}
          sx={ROW_ITEM}
          min={0}
          max={1440}
          validate={[required(), minValue(0), maxValue(1440)]}
        />
      </Box>
    </>
  );
};
