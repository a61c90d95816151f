import type { QualificationTrackView } from '@cascade/contracts';
import { Card, Chip, Stack, Typography } from '@mui/material';
import {
  EditButton,
  Labeled,
  ReferenceField,
  Show,
  TopToolbar,
  useRecordContext,
  useShowContext,
  useTranslate,
} from 'react-admin';
import { DetailGrid } from '../DetailGrid';
import { QualificationBoard } from './QualificationBoard';
import { useCriterionSummary } from './criterionSummary';

const Actions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

const TrackSummary = () => {
  const record = useRecordContext<QualificationTrackView>();
  const translate = useTranslate();
  const summary = useCriterionSummary();
  if (!record) return null;
  const { renewal } = record;
  return (
    <Card>
      <DetailGrid>
        <Labeled source="title">
          <Typography variant="h6" component="span">
            {record.title}
          </Typography>
        </Labeled>
        <Labeled source="organizationId">
          <ReferenceField source="organizationId" reference="organizations" />
        </Labeled>
        <Labeled source="businessProcesses">
          <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {record.businessProcesses.map((process) => (
              <Chip key={process} size="small" label={process} />
            ))}
          </Stack>
        </Labeled>
        <Labeled source="criteria">
          <Stack component="ol" sx={{ m: 0, pl: 2.5 }}>
            {record.criteria.map((criterion, index) => (
              <Typography key={index} component="li" variant="body2">
                {summary(criterion)}
              </Typography>
            ))}
          </Stack>
        </Labeled>
        <Labeled source="validityMonths">
          <Typography variant="body2">
            {record.validityMonths
              ? translate('cascade.qualifications.months', { smart_count: record.validityMonths })
              : translate('cascade.qualifications.no_expiry')}
          </Typography>
        </Labeled>
        <Labeled source="renewal">
          <Typography variant="body2">
            {[
              renewal?.exam
                ? translate('cascade.qualifications.renew_exam', { percent: renewal.exam.minPercent })
                : null,
              renewal?.sessionsLed
                ? translate('cascade.qualifications.renew_sessions', {
                    sessions: renewal.sessionsLed.sessions,
                    average: renewal.sessionsLed.minAverage,
                  })
                : null,
            ]
              .filter(Boolean)
              .join(translate('cascade.qualifications.or')) || '—'}
          </Typography>
        </Labeled>
      </DetailGrid>
    </Card>
  );
};

const Board = () => {
  const { record } = useShowContext<QualificationTrackView>();
  return record ? <QualificationBoard track={record} /> : null;
};

export const TrackShow = () => (
  <Show actions={<Actions />} component="div">
    <TrackSummary />
    <Board />
  </Show>
);
