import type { TrainingPlanView } from '@cascade/contracts';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Button, useRecordContext } from 'react-admin';
import { useApiFile } from '../useApiFile';

/** The printable plan the client signs, opened in a new tab. */
export const PlanDocumentButton = () => {
  const plan = useRecordContext<TrainingPlanView>();
  const { openPdf } = useApiFile();
  if (!plan) return null;
  return (
    <Button label="cascade.plans.pdf" onClick={() => openPdf(`/training-plans/${plan.id}/document.pdf`)}>
      <PictureAsPdfIcon />
    </Button>
  );
};
