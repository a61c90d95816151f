import type { MaterialView } from '@cascade/contracts';
import { Alert, Box } from '@mui/material';
import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
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
import { BY_NAME, signInMethodChoices, targetKindChoices } from '../choices';
import { httpUrl, requiredForMaterialKind } from '../validation';
import { MaterialFileInput } from './MaterialFileInput';
import type { PlanFormValues } from './planBody';

const MODULE = 'cascade.plans.module';
const materialKindChoices = [
  { id: 'link', name: 'cascade.plans.material_kind.link' },
  { id: 'file', name: 'cascade.plans.material_kind.file' },
];

/** Title, goals, assessment, sign-in method and default location. */
export const PlanBasicsInputs = () => (
  <>
    <TextInput source="title" validate={[required(), maxLength(200)]} />
    <TextInput source="goals" multiline minRows={3} validate={required()} />
    <TextInput source="assessmentMethod" multiline minRows={2} validate={required()} />
    <SelectInput source="signInMethod" choices={signInMethodChoices} validate={required()} />
    <TextInput source="defaultLocation" validate={maxLength(200)} />
    <ReferenceArrayInput source="trainerIds" reference="users" filter={{ role: 'trainer' }} sort={BY_NAME}>
      <AutocompleteArrayInput />
    </ReferenceArrayInput>
  </>
);

const MaterialsInput = () => (
  <ArrayInput source="materials" label={`${MODULE}.materials`}>
    <SimpleFormIterator inline disableReordering>
      <SelectInput
        source="kind"
        label={`${MODULE}.material_kind`}
        choices={materialKindChoices}
        defaultValue="link"
        validate={required()}
        sx={{ minWidth: 120 }}
      />
      <TextInput source="title" label={`${MODULE}.material_title`} validate={required()} />
      <FormDataConsumer<PlanFormValues>>
        {({ formData, scopedFormData }) => {
          const material = scopedFormData as Partial<MaterialView> | undefined;
          return material?.kind === 'file' ? (
            <MaterialFileInput organizationId={formData.organizationId} title={material.title} />
          ) : (
            <TextInput
              source="url"
              type="url"
              label={`${MODULE}.material_url`}
              validate={[requiredForMaterialKind('link'), maxLength(2000), httpUrl]}
            />
          );
        }}
      </FormDataConsumer>
    </SimpleFormIterator>
  </ArrayInput>
);

/** The curriculum: one item per module, organised by business process, with its materials. */
export const PlanModulesInput = () => (
  <ArrayInput source="modules" label={false}>
    <SimpleFormIterator fullWidth getItemLabel={(index) => `#${index + 1}`}>
      <Box sx={{ display: 'flex', columnGap: 2, flexWrap: 'wrap', width: '100%' }}>
        <TextInput
          source="businessProcess"
          label={`${MODULE}.businessProcess`}
          validate={[required(), maxLength(100)]}
          fullWidth={false}
          sx={{ flex: '1 1 200px' }}
        />
        <TextInput
          source="title"
          label={`${MODULE}.title`}
          validate={[required(), maxLength(200)]}
          fullWidth={false}
          sx={{ flex: '2 1 280px' }}
        />
        <NumberInput
          source="durationMinutes"
          label={`${MODULE}.durationMinutes`}
          defaultValue={60}
          min={5}
          max={2880}
          step={5}
          validate={[required(), minValue(5), maxValue(2880)]}
          fullWidth={false}
          sx={{ flex: '0 1 160px' }}
        />
      </Box>
      <TextInput source="outline" label={`${MODULE}.outline`} multiline minRows={2} />
      <MaterialsInput />
    </SimpleFormIterator>
  </ArrayInput>
);

/** Who is to be trained: key users first, then end users, optionally per business process. */
export const PlanTargetsInput = () => (
  <ArrayInput source="targets" label={false}>
    <SimpleFormIterator inline disableReordering>
      <FormDataConsumer<PlanFormValues>>
        {({ formData }) => (
          <ReferenceInput
            source="userId"
            reference="users"
            filter={{ organizationId: formData.organizationId, role: 'trainee' }}
            sort={BY_NAME}
          >
            <AutocompleteInput
              label="cascade.plans.target.userId"
              validate={required()}
              sx={{ minWidth: 240 }}
              disabled={!formData.organizationId}
            />
          </ReferenceInput>
        )}
      </FormDataConsumer>
      <SelectInput
        source="kind"
        label="cascade.plans.target.kind"
        choices={targetKindChoices}
        defaultValue="end_user"
        validate={required()}
      />
      <TextInput source="businessProcess" label="cascade.plans.target.businessProcess" validate={maxLength(100)} />
    </SimpleFormIterator>
  </ArrayInput>
);

/** Shown when the plan was confirmed before: the change becomes a revision the client confirms again. */
export const ChangeReasonInput = () => {
  const translate = useTranslate();
  return (
    <>
      <Alert severity="warning" sx={{ mb: 2, width: '100%' }}>
        {translate('cascade.plans.revision_warning')}
      </Alert>
      <TextInput source="reason" label="cascade.plans.reason" multiline minRows={2} validate={required()} />
    </>
  );
};
