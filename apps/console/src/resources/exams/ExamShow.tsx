import { CONFLICT_OF_INTEREST, policyRecord, type ExamView } from '@cascade/contracts';
import AssessmentIcon from '@mui/icons-material/Assessment';
import InsightsIcon from '@mui/icons-material/Insights';
import RateReviewIcon from '@mui/icons-material/RateReview';
import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import {
  Button,
  EditButton,
  Labeled,
  NumberField,
  ReferenceArrayField,
  ReferenceField,
  Show,
  SingleFieldList,
  ChipField,
  TextField,
  TopToolbar,
  useCanAccess,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { DetailGrid } from '../DetailGrid';
import { ability } from '../../providers/abilities';
import { LabeledValue } from '../LabeledValue';
import { LocaleDateField } from '../LocaleDateField';
import { UserName } from '../UserName';
import { BlueprintCheck } from './BlueprintCheck';
import { ReleaseResultsButton } from './ReleaseResultsButton';

const Actions = () => {
  const record = useRecordContext<ExamView>();
  const { canAccess: canGrade } = useCanAccess({ resource: 'exams', action: 'grade' });
  const { canAccess: canEdit } = useCanAccess({ resource: 'exams', action: 'edit' });
  if (!record) return null;
  const exam = policyRecord('Exam', record);
  // Someone who sits the exam reads nothing of its results (the API refuses them too).
  const sits = ability.relevantRuleFor('readResults', exam)?.reason === CONFLICT_OF_INTEREST;
  return (
    <TopToolbar>
      {!sits && (
        <Button component={Link} to={`/exams/${record.id}/results`} label="cascade.exams.results">
          <AssessmentIcon />
        </Button>
      )}
      {/* It quotes every question: for those who read the whole exam's results, not a manager. */}
      {ability.can('readResults', exam) && (
        <Button component={Link} to={`/exams/${record.id}/item-analysis`} label="cascade.exams.item_analysis">
          <InsightsIcon />
        </Button>
      )}
      {canGrade && (
        <Button component={Link} to={`/grading?examId=${record.id}`} label="cascade.menu_exams.grading">
          <RateReviewIcon />
        </Button>
      )}
      <ReleaseResultsButton />
      {canEdit && <EditButton />}
    </TopToolbar>
  );
};

const Overrides = ({ exam }: { exam: ExamView }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const when = (value: string | null) =>
    value
      ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(
          new Date(value),
        )
      : '—';
  if (!exam.overrides?.length) return <>—</>;
  return (
    <Stack spacing={0.5}>
      {exam.overrides.map((override) => (
        <Typography key={override.userId} variant="body2">
          <UserName id={override.userId} />
          {' · '}
          {translate('cascade.exams.override_line', {
            minutes: override.extraMinutes,
            opens: when(override.opensAt),
            closes: when(override.closesAt),
          })}
        </Typography>
      ))}
    </Stack>
  );
};

const ExamDetails = () => {
  const exam = useRecordContext<ExamView>();
  const translate = useTranslate();
  if (!exam) return null;
  return (
    <Stack spacing={2}>
      <Card variant="outlined">
        <DetailGrid>
          <Labeled source="title">
            <TextField source="title" />
          </Labeled>
          <LabeledValue label="resources.exams.fields.kind">{translate(`cascade.exam_kind.${exam.kind}`)}</LabeledValue>
          <Labeled source="organizationId">
            <ReferenceField source="organizationId" reference="organizations" />
          </Labeled>
          <Labeled source="planId">
            <ReferenceField source="planId" reference="training-plans" emptyText="—" />
          </Labeled>
          <Labeled source="opensAt">
            <LocaleDateField source="opensAt" />
          </Labeled>
          <Labeled source="closesAt">
            <LocaleDateField source="closesAt" />
          </Labeled>
          <Labeled source="timeLimitMinutes">
            <NumberField source="timeLimitMinutes" />
          </Labeled>
          <Labeled source="passPercent">
            <NumberField source="passPercent" />
          </Labeled>
          <Labeled source="attemptsAllowed">
            <NumberField source="attemptsAllowed" />
          </Labeled>
          <LabeledValue label="resources.exams.fields.showResults">
            {translate(`cascade.result_visibility.${exam.showResults}`)}
          </LabeledValue>
          <LabeledValue label="resources.exams.fields.reviewMode">
            {translate(`cascade.review_mode.${exam.reviewMode}`)}
          </LabeledValue>
          <LabeledValue label="cascade.exams.shuffles">
            <Stack direction="row" spacing={1}>
              {exam.shuffleQuestions && (
                <Chip size="small" label={translate('resources.exams.fields.shuffleQuestions')} />
              )}
              {exam.shuffleOptions && <Chip size="small" label={translate('resources.exams.fields.shuffleOptions')} />}
              {!exam.shuffleQuestions && !exam.shuffleOptions && '—'}
            </Stack>
          </LabeledValue>
          <LabeledValue label="cascade.exams.section_assignees">
            <Stack spacing={0.5}>
              {!exam.assignees.planTrainees &&
                !exam.assignees.sessionEnrollees &&
                exam.assignees.userIds.length === 0 &&
                '—'}
              {exam.assignees.planTrainees && <span>{translate('resources.exams.fields.assignees.planTrainees')}</span>}
              {exam.assignees.sessionEnrollees && (
                <span>{translate('resources.exams.fields.assignees.sessionEnrollees')}</span>
              )}
              {exam.assignees.userIds.length > 0 && (
                <ReferenceArrayField source="assignees.userIds" reference="users">
                  <SingleFieldList linkType={false}>
                    <ChipField source="name" size="small" />
                  </SingleFieldList>
                </ReferenceArrayField>
              )}
            </Stack>
          </LabeledValue>
          <LabeledValue label="cascade.exams.section_overrides">
            <Overrides exam={exam} />
          </LabeledValue>
        </DetailGrid>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
            {translate(exam.blueprint ? 'cascade.exams.mode_blueprint' : 'cascade.exams.mode_fixed')}
          </Typography>
          {exam.blueprint ? (
            <BlueprintCheck exam={exam} />
          ) : (
            <Box>
              <ReferenceArrayField source="questionIds" reference="questions">
                <SingleFieldList linkType="show" sx={{ flexDirection: 'column', alignItems: 'flex-start' }}>
                  <ChipField source="stem" size="small" />
                </SingleFieldList>
              </ReferenceArrayField>
            </Box>
          )}
        </CardContent>
      </Card>
    </Stack>
  );
};

export const ExamShow = () => (
  <Show actions={<Actions />} component="div">
    <ExamDetails />
  </Show>
);
