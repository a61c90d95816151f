import type { PlanTargetKind, TrainingPlanView } from '@cascade/contracts';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  CanAccess,
  CreateButton,
  DataTable,
  Labeled,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  TextField,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { signInMethodChoices } from '../choices';
import { DetailGrid } from '../DetailGrid';
import { EnumChipField } from '../EnumChip';
import { LabeledValue } from '../LabeledValue';
import { LocaleDateField } from '../LocaleDateField';
import { UserName } from '../UserName';
import { EnrolledField, SessionPhaseField, SessionTimeField } from '../sessions/sessionDisplay';
import { MaterialsList } from './MaterialsList';
import { PLAN_STATUS_COLORS } from './planStatus';

const TARGET_ORDER: Record<PlanTargetKind, number> = { key_user: 0, end_user: 1 };

/** "3 h 30 min" */
export const useFormatDuration = () => {
  const translate = useTranslate();
  return (minutes: number) => {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return translate('cascade.plans.duration', { hours, minutes: rest });
  };
};

const StatusNotice = ({ plan }: { plan: TrainingPlanView }) => {
  const translate = useTranslate();
  if (plan.status === 'draft' && plan.returnComment) {
    return (
      <Alert severity="warning" sx={{ mx: { xs: 2, sm: 3 }, mt: 2 }}>
        {translate('cascade.plans.returned_with', { comment: plan.returnComment })}
      </Alert>
    );
  }
  if (plan.status === 'pending_confirmation') {
    return (
      <Alert severity="info" sx={{ mx: { xs: 2, sm: 3 }, mt: 2 }}>
        {translate('cascade.plans.awaiting_confirmation')}
      </Alert>
    );
  }
  if (plan.status === 'cancelled') {
    return (
      <Alert severity="error" sx={{ mx: { xs: 2, sm: 3 }, mt: 2 }}>
        {translate('cascade.plans.cancelled_because', { reason: plan.cancelReason ?? '' })}
      </Alert>
    );
  }
  return null;
};

export const PlanOverview = () => {
  const plan = useRecordContext<TrainingPlanView>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!plan) return null;
  const field = (name: string) => translate(`resources.training-plans.fields.${name}`);
  return (
    <Box>
      <StatusNotice plan={plan} />
      <DetailGrid>
        <Labeled source="title">
          <TextField source="title" variant="h6" />
        </Labeled>
        <Labeled source="status">
          <EnumChipField source="status" prefix="cascade.plan_status" colors={PLAN_STATUS_COLORS} />
        </Labeled>
        <Labeled source="organizationId">
          <ReferenceField source="organizationId" reference="organizations" />
        </Labeled>
        <Labeled source="revision">
          <TextField source="revision" />
        </Labeled>
        <LabeledValue label={field('goals')}>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {plan.goals}
          </Typography>
        </LabeledValue>
        <LabeledValue label={field('assessmentMethod')}>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {plan.assessmentMethod}
          </Typography>
        </LabeledValue>
        <Labeled source="signInMethod">
          <SelectField source="signInMethod" choices={signInMethodChoices} />
        </Labeled>
        <Labeled source="defaultLocation">
          <TextField source="defaultLocation" emptyText="—" />
        </Labeled>
        {/* Names one by one: a client's manager may not see vendor trainers' records. */}
        <LabeledValue label={field('trainerIds')}>
          {plan.trainerIds.length === 0 ? (
            '—'
          ) : (
            <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {plan.trainerIds.map((id) => (
                <Chip
                  key={id}
                  size="small"
                  label={<UserName id={id} fallback={translate('cascade.roles.trainer')} />}
                />
              ))}
            </Stack>
          )}
        </LabeledValue>
        <LabeledValue label={field('confirmedAt')}>
          {plan.confirmedAt ? (
            <>
              {new Date(plan.confirmedAt).toLocaleString(locale)} · <UserName id={plan.confirmedBy} />
            </>
          ) : (
            '—'
          )}
        </LabeledValue>
        <Labeled source="submittedAt">
          <LocaleDateField source="submittedAt" emptyText="—" />
        </Labeled>
        <Labeled source="updatedAt">
          <LocaleDateField source="updatedAt" />
        </Labeled>
      </DetailGrid>
    </Box>
  );
};

export const PlanModules = () => {
  const plan = useRecordContext<TrainingPlanView>();
  const translate = useTranslate();
  const formatDuration = useFormatDuration();
  if (!plan) return null;
  const modules = [...plan.modules].sort((a, b) => a.position - b.position);
  const total = modules.reduce((sum, module) => sum + module.durationMinutes, 0);
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('cascade.plans.modules_total', { smart_count: modules.length, duration: formatDuration(total) })}
      </Typography>
      <Stack spacing={2}>
        {modules.map((module, index) => (
          <Card key={module.id} variant="outlined">
            <CardContent>
              <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
                <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                  {index + 1}. {module.title}
                </Typography>
                <Chip size="small" label={module.businessProcess} />
                <Chip size="small" variant="outlined" label={formatDuration(module.durationMinutes)} />
              </Stack>
              {module.outline && (
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mb: 1 }}>
                  {module.outline}
                </Typography>
              )}
              <MaterialsList materials={module.materials} />
            </CardContent>
          </Card>
        ))}
      </Stack>
    </Box>
  );
};

export const PlanTargets = () => {
  const plan = useRecordContext<TrainingPlanView>();
  const translate = useTranslate();
  if (!plan) return null;
  if (plan.targets.length === 0) {
    return <Typography color="text.secondary">{translate('cascade.plans.no_targets')}</Typography>;
  }
  const targets = [...plan.targets].sort((a, b) => TARGET_ORDER[a.kind] - TARGET_ORDER[b.kind]);
  return (
    <TableContainer>
      <Table size="small" aria-label={translate('resources.training-plans.fields.targets')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('cascade.plans.target.userId')}</TableCell>
            <TableCell>{translate('cascade.plans.target.kind')}</TableCell>
            <TableCell>{translate('cascade.plans.target.businessProcess')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {targets.map((target) => (
            <TableRow key={`${target.userId}-${target.businessProcess ?? ''}`}>
              <TableCell>
                <UserName id={target.userId} />
              </TableCell>
              <TableCell>
                <Chip
                  size="small"
                  color={target.kind === 'key_user' ? 'primary' : 'default'}
                  label={translate(`cascade.target_kind.${target.kind}`)}
                />
              </TableCell>
              <TableCell>{target.businessProcess ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

/** The plan's scheduled sessions, with a shortcut to schedule one more. */
export const PlanSessions = () => {
  const plan = useRecordContext<TrainingPlanView>();
  if (!plan) return null;
  return (
    <CanAccess resource="sessions" action="list">
      <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
        <CreateButton
          resource="sessions"
          label="cascade.plans.schedule_session"
          to={{ pathname: '/sessions/create', state: { record: { planId: plan.id } } }}
        />
      </Stack>
      <ReferenceManyField
        reference="sessions"
        target="planId"
        sort={{ field: 'startsAt', order: 'ASC' }}
        perPage={25}
        pagination={<Pagination />}
      >
        <DataTable bulkActionButtons={false} rowClick="show" resource="sessions">
          <DataTable.Col source="startsAt">
            <SessionTimeField />
          </DataTable.Col>
          <DataTable.Col source="title" field={TextField} />
          <DataTable.Col source="location">
            <TextField source="location" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="capacity" label="cascade.sessions.enrolled_capacity">
            <EnrolledField />
          </DataTable.Col>
          <DataTable.Col source="status">
            <SessionPhaseField />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </CanAccess>
  );
};
