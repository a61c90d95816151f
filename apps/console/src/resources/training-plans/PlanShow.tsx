import type { TrainingPlanView } from '@cascade/contracts';
import { EditButton, Show, TabbedShowLayout, TopToolbar, useRecordContext } from 'react-admin';
import { PlanFeedbackFormChoice } from '../feedback/PlanFeedbackFormChoice';
import { PlanAttendanceSummary } from './PlanAttendanceSummary';
import { PlanDocumentButton } from './PlanDocumentButton';
import { PlanModules, PlanOverview, PlanSessions, PlanTargets } from './PlanParts';
import { PlanRevisions } from './PlanRevisions';
import { isClosedPlan } from './planStatus';
import { PlanWorkflowButtons } from './PlanWorkflowButtons';

const EditUnlessClosed = () => {
  const plan = useRecordContext<TrainingPlanView>();
  if (!plan || isClosedPlan(plan.status)) return null;
  return <EditButton />;
};

const Actions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap' }}>
    <PlanWorkflowButtons />
    <PlanDocumentButton />
    <EditUnlessClosed />
  </TopToolbar>
);

// Tab contents sit in plain divs so the tabs do not add a field label above them.
export const PlanShow = () => (
  <Show actions={<Actions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="cascade.plans.tabs.overview">
        <div>
          <PlanOverview />
          <PlanFeedbackFormChoice />
        </div>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.training-plans.fields.modules" path="modules">
        <div>
          <PlanModules />
        </div>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.training-plans.fields.targets" path="targets">
        <div>
          <PlanTargets />
        </div>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="cascade.plans.tabs.sessions" path="sessions">
        <div>
          <PlanSessions />
        </div>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="cascade.plans.tabs.attendance" path="attendance">
        <div>
          <PlanAttendanceSummary />
        </div>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="cascade.plans.tabs.revisions" path="revisions">
        <div>
          <PlanRevisions />
        </div>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
