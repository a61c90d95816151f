import type { QuestionView } from '@cascade/contracts';
import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import {
  EditButton,
  FunctionField,
  Labeled,
  NumberField,
  ReferenceField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DetailGrid } from '../DetailGrid';
import { EnumChipField } from '../EnumChip';
import { QUESTION_STATUS_COLORS } from '../examChoices';
import { LabeledValue } from '../LabeledValue';
import { LocaleDateField } from '../LocaleDateField';
import { QuestionKeySummary } from './QuestionKeySummary';
import { QuestionPreview } from './QuestionPreview';

const Actions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

const QuestionDetails = () => {
  const record = useRecordContext<QuestionView>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(0, 2fr)' }, gap: 2 }}>
      <Card variant="outlined">
        <DetailGrid>
          <Box sx={{ gridColumn: '1 / -1' }}>
            <Labeled source="stem">
              <TextField source="stem" sx={{ whiteSpace: 'pre-wrap' }} />
            </Labeled>
          </Box>
          <LabeledValue label="resources.questions.fields.type">
            {translate(`cascade.question_type.${record.type}`)}
          </LabeledValue>
          <Labeled source="status">
            <EnumChipField source="status" prefix="cascade.question_status" colors={QUESTION_STATUS_COLORS} />
          </Labeled>
          <Labeled source="businessProcess">
            <TextField source="businessProcess" />
          </Labeled>
          <Labeled source="difficulty">
            <FunctionField<QuestionView> render={(q) => translate(`cascade.difficulty.${q.difficulty}`)} />
          </Labeled>
          <Labeled source="points">
            <NumberField source="points" />
          </Labeled>
          <Labeled source="version">
            <NumberField source="version" />
          </Labeled>
          <Labeled source="organizationId">
            <ReferenceField source="organizationId" reference="organizations" />
          </Labeled>
          <Labeled source="scenarioId">
            <ReferenceField source="scenarioId" reference="scenarios" emptyText="—" />
          </Labeled>
          <Box sx={{ gridColumn: '1 / -1' }}>
            <LabeledValue label="cascade.questions.answer_key">
              <QuestionKeySummary record={record} />
            </LabeledValue>
          </Box>
          <LabeledValue label="resources.questions.fields.tags">
            <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {record.tags.length === 0 ? '—' : record.tags.map((tag) => <Chip key={tag} size="small" label={tag} />)}
            </Stack>
          </LabeledValue>
          <Labeled source="updatedAt">
            <LocaleDateField source="updatedAt" />
          </Labeled>
        </DetailGrid>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
            {translate('cascade.questions.preview_title')}
          </Typography>
          <QuestionPreview record={record} />
        </CardContent>
      </Card>
    </Box>
  );
};

export const QuestionShow = () => (
  <Show actions={<Actions />} component="div">
    <QuestionDetails />
  </Show>
);
