import type { TrainingIssueView } from '@cascade/contracts';
import { Alert, Card, Typography } from '@mui/material';
import {
  CanAccess,
  EditButton,
  Labeled,
  ReferenceField,
  SelectField,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { issueCategoryChoices } from '../choices';
import { DetailGrid } from '../DetailGrid';
import { EnumChipField } from '../EnumChip';
import { LabeledValue } from '../LabeledValue';
import { LocaleDateField } from '../LocaleDateField';
import { ISSUE_STATUS_COLORS, SEVERITY_COLORS } from './issueDisplay';
import { IssueWorkflowButtons } from './IssueWorkflowButtons';

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'training-issues', action: 'edit' });
  // A trainee who reported the problem only reads it: no empty toolbar.
  if (!canAccess) return null;
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      <IssueWorkflowButtons />
      <EditButton />
    </TopToolbar>
  );
};

const Resolution = () => {
  const issue = useRecordContext<TrainingIssueView>();
  const translate = useTranslate();
  if (!issue?.resolution) return null;
  const severity = issue.status === 'resolved' ? 'success' : issue.status === 'rejected' ? 'error' : 'info';
  return (
    <Alert severity={severity} sx={{ mx: { xs: 2, sm: 3 }, mt: 2, whiteSpace: 'pre-wrap' }}>
      <strong>{translate('resources.training-issues.fields.resolution')}:</strong> {issue.resolution}
    </Alert>
  );
};

const Description = () => {
  const issue = useRecordContext<TrainingIssueView>();
  const translate = useTranslate();
  if (!issue) return null;
  return (
    <LabeledValue label={translate('resources.training-issues.fields.description')}>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
        {issue.description}
      </Typography>
    </LabeledValue>
  );
};

export const IssueShow = () => (
  <Show actions={<Actions />} component="div">
    <Card>
      <Resolution />
      <DetailGrid>
        <Labeled source="title">
          <TextField source="title" variant="h6" />
        </Labeled>
        <Labeled source="status">
          <EnumChipField source="status" prefix="cascade.issue_status" colors={ISSUE_STATUS_COLORS} />
        </Labeled>
        <Labeled source="category">
          <SelectField source="category" choices={issueCategoryChoices} />
        </Labeled>
        <Labeled source="severity">
          <EnumChipField source="severity" prefix="cascade.issue_severity" colors={SEVERITY_COLORS} />
        </Labeled>
        <Description />
        <CanAccess resource="training-plans" action="show">
          <Labeled source="planId">
            <ReferenceField source="planId" reference="training-plans" emptyText="—" />
          </Labeled>
        </CanAccess>
        <Labeled source="sessionId">
          <ReferenceField source="sessionId" reference="sessions" emptyText="—" />
        </Labeled>
        <CanAccess resource="users" action="show">
          <Labeled source="reporterId">
            <ReferenceField source="reporterId" reference="users" emptyText="—" />
          </Labeled>
        </CanAccess>
        <CanAccess resource="users" action="show">
          <Labeled source="assigneeId">
            <ReferenceField source="assigneeId" reference="users" emptyText="—" />
          </Labeled>
        </CanAccess>
        <Labeled source="createdAt">
          <LocaleDateField source="createdAt" />
        </Labeled>
        <Labeled source="updatedAt">
          <LocaleDateField source="updatedAt" />
        </Labeled>
      </DetailGrid>
    </Card>
  </Show>
);
