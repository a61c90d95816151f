import type { ScenarioView } from '@cascade/contracts';
import { Box, Button, Link, Stack } from '@mui/material';
import {
  EditButton,
  Labeled,
  NumberField,
  ReferenceField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { DetailGrid } from '../DetailGrid';
import { LabeledValue } from '../LabeledValue';
import { LocaleDateField } from '../LocaleDateField';
import { useApiFile } from '../useApiFile';

const Actions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

const Attachments = () => {
  const record = useRecordContext<ScenarioView>();
  const translate = useTranslate();
  const { save } = useApiFile();
  if (!record) return null;
  return (
    <LabeledValue label="resources.scenarios.fields.attachments">
      {record.attachments.length === 0 ? (
        '—'
      ) : (
        <Stack spacing={0.5}>
          {record.attachments.map((id, index) => (
            <Link
              key={id}
              component="button"
              type="button"
              onClick={() => void save(`/files/${id}`, `attachment-${index + 1}`)}
            >
              {translate('cascade.scenarios.attachment', { number: index + 1 })}
            </Link>
          ))}
        </Stack>
      )}
    </LabeledValue>
  );
};

const QuestionsLink = () => {
  const record = useRecordContext<ScenarioView>();
  const translate = useTranslate();
  if (!record) return null;
  const filter = encodeURIComponent(JSON.stringify({ scenarioId: record.id }));
  return (
    <Button component={RouterLink} to={`/questions?filter=${filter}`} size="small">
      {translate('cascade.scenarios.questions', { smart_count: record.questionCount })}
    </Button>
  );
};

export const ScenarioShow = () => (
  <Show actions={<Actions />}>
    <DetailGrid>
      <Labeled source="title">
        <TextField source="title" />
      </Labeled>
      <Labeled source="businessProcess">
        <TextField source="businessProcess" emptyText="—" />
      </Labeled>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <Labeled source="narrative">
          <TextField source="narrative" sx={{ whiteSpace: 'pre-wrap' }} />
        </Labeled>
      </Box>
      <Attachments />
      <Labeled source="questionCount">
        <NumberField source="questionCount" />
      </Labeled>
      <Labeled source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" />
      </Labeled>
      <Labeled source="updatedAt">
        <LocaleDateField source="updatedAt" />
      </Labeled>
      <QuestionsLink />
    </DetailGrid>
  </Show>
);
