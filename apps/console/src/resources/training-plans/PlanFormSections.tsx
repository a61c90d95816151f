import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { PlanBasicsInputs, PlanModulesInput, PlanTargetsInput } from './PlanInputs';

const SectionTitle = ({ label }: { label: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="h6" component="h2" sx={{ mt: 2, mb: 1 }}>
      {translate(label)}
    </Typography>
  );
};

/** The sections create and edit share: basics, curriculum, target trainees. */
export const PlanFormSections = () => (
  <>
    <PlanBasicsInputs />
    <SectionTitle label="resources.training-plans.fields.modules" />
    <PlanModulesInput />
    <SectionTitle label="resources.training-plans.fields.targets" />
    <PlanTargetsInput />
  </>
);
