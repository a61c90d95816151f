import { Card, Chip } from '@mui/material';
import {
  BooleanField,
  EditButton,
  EmailField,
  Labeled,
  ReferenceArrayField,
  ReferenceField,
  SelectField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { UserView } from '@cascade/contracts';
import { attitudeChoices, localeChoices } from '../choices';
import { DetailGrid } from '../DetailGrid';
import { RoleChipsField } from './RoleChipsField';
import { UserActivationButton } from './UserActivationButton';
import { UserPasswordResetButton } from './UserPasswordResetButton';
import { LocaleDateField } from '../LocaleDateField';
import { TrainerFeedbackPanel } from '../feedback/TrainerFeedbackPanel';
import { UserQualificationsPanel } from './UserQualificationsPanel';

const Actions = () => (
  <TopToolbar>
    <UserPasswordResetButton />
    <UserActivationButton />
    <EditButton />
  </TopToolbar>
);

const StatusChip = () => {
  const record = useRecordContext<UserView>();
  const translate = useTranslate();
  if (!record || record.active) return null;
  return <Chip size="small" color="warning" label={translate('cascade.users.inactive')} sx={{ ml: 1 }} />;
};

export const UserShow = () => (
  <Show actions={<Actions />} component="div">
    <Card>
      <DetailGrid>
        <Labeled source="name">
          <span>
            <TextField source="name" variant="h6" component="span" />
            <StatusChip />
          </span>
        </Labeled>
        <Labeled source="email">
          <EmailField source="email" />
        </Labeled>
        <Labeled source="organizationId">
          <ReferenceField source="organizationId" reference="organizations" />
        </Labeled>
        <Labeled source="departmentId">
          <ReferenceField source="departmentId" reference="departments" emptyText="—" />
        </Labeled>
        <Labeled source="roles">
          <RoleChipsField />
        </Labeled>
        <Labeled source="isKeyUser">
          <BooleanField source="isKeyUser" />
        </Labeled>
        <Labeled source="attitude">
          <SelectField source="attitude" choices={attitudeChoices} emptyText="—" />
        </Labeled>
        <Labeled source="locale">
          <SelectField source="locale" choices={localeChoices} />
        </Labeled>
        <Labeled source="active">
          <BooleanField source="active" />
        </Labeled>
        <Labeled source="assignedOrganizationIds">
          <ReferenceArrayField source="assignedOrganizationIds" reference="organizations" emptyText="—" />
        </Labeled>
        <Labeled source="createdAt">
          <LocaleDateField source="createdAt" />
        </Labeled>
        <Labeled source="updatedAt">
          <LocaleDateField source="updatedAt" />
        </Labeled>
      </DetailGrid>
    </Card>
    <UserQualificationsPanel />
    <TrainerFeedbackPanel />
  </Show>
);
