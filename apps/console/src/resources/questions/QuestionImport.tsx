import type { QuestionImportResult, QuestionImportRowError } from '@cascade/contracts';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  AccessDenied,
  AutocompleteInput,
  CanAccess,
  FileField,
  FileInput,
  Form,
  HttpError,
  Link,
  ReferenceInput,
  Title,
  required,
  useNotify,
  useTranslate,
} from 'react-admin';
import { examApi } from '../../providers/examApi';
import { BY_NAME } from '../choices';
import { useApiFile } from '../useApiFile';

/** The sheet's columns; the template names each in Chinese and English and explains its format. */
const COLUMNS = [
  { key: 'type', zh: '题型', required: true },
  { key: 'businessProcess', zh: '业务流程', required: true },
  { key: 'difficulty', zh: '难度', required: true },
  { key: 'points', zh: '分值', required: true },
  { key: 'stem', zh: '题干', required: true },
  { key: 'options', zh: '选项', required: false },
  { key: 'answer', zh: '答案', required: true },
  { key: 'scenario', zh: '案例', required: false },
  { key: 'tags', zh: '标签', required: false },
  { key: 'status', zh: '状态', required: false },
] as const;

const ACCEPTED_FILES = {
  'text/csv': ['.csv'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};

interface ImportFormValues {
  organizationId?: string;
  file?: { rawFile?: File };
}

type Outcome =
  | { kind: 'created'; result: QuestionImportResult }
  | { kind: 'rows'; detail: string; rows: QuestionImportRowError[] }
  | { kind: 'failed'; detail: string };

const rowErrorsOf = (error: HttpError): QuestionImportRowError[] => {
  const rows = (error.body as { rows?: unknown } | undefined)?.rows;
  return Array.isArray(rows) ? (rows as QuestionImportRowError[]) : [];
};

const ColumnGuide = () => {
  const translate = useTranslate();
  return (
    <TableContainer>
      <Table size="small" aria-label={translate('cascade.import.columns')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('cascade.import.column')}</TableCell>
            <TableCell>{translate('cascade.import.column_zh')}</TableCell>
            <TableCell>{translate('cascade.import.column_meaning')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {COLUMNS.map((column) => (
            <TableRow key={column.key}>
              <TableCell>
                <code>{column.key}</code>
              </TableCell>
              <TableCell>{column.zh}</TableCell>
              <TableCell>
                {translate(`cascade.questions.import.meaning.${column.key}`)}
                {column.required && ` (${translate('cascade.import.required')})`}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

const RowErrors = ({ rows }: { rows: QuestionImportRowError[] }) => {
  const translate = useTranslate();
  return (
    <TableContainer>
      <Table size="small" data-testid="import-row-errors">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 80 }}>{translate('cascade.import.row')}</TableCell>
            <TableCell sx={{ width: 160 }}>{translate('cascade.import.field')}</TableCell>
            <TableCell>{translate('cascade.import.message')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, index) => (
            <TableRow key={`${row.row}-${row.field ?? ''}-${index}`}>
              <TableCell>{row.row}</TableCell>
              <TableCell>{row.field ?? translate('cascade.import.whole_row')}</TableCell>
              <TableCell>{row.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

const ImportForm = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { save } = useApiFile();
  const [submitting, setSubmitting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const submit = async (values: ImportFormValues) => {
    const file = values.file?.rawFile;
    if (!values.organizationId || !file) return;
    setSubmitting(true);
    setOutcome(null);
    try {
      const result = await examApi.importQuestions(values.organizationId, file);
      setOutcome({ kind: 'created', result });
      notify('cascade.questions.import.created', { type: 'success', messageArgs: { smart_count: result.created } });
    } catch (error) {
      if (error instanceof HttpError) {
        const rows = rowErrorsOf(error);
        setOutcome(
          rows.length > 0 ? { kind: 'rows', detail: error.message, rows } : { kind: 'failed', detail: error.message },
        );
      } else {
        setOutcome({ kind: 'failed', detail: translate('ra.notification.http_error') });
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <Card>
        <CardContent>
          <Typography variant="h6" component="h1" gutterBottom>
            {translate('cascade.questions.import.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('cascade.questions.import.help')}
          </Typography>
          <Button
            variant="outlined"
            startIcon={<DownloadIcon />}
            onClick={() => void save('/questions/import-template.xlsx', 'question-import-template.xlsx')}
            sx={{ mb: 2 }}
          >
            {translate('cascade.questions.import.template')}
          </Button>
          <Form onSubmit={(values: Record<string, unknown>) => submit(values as ImportFormValues)}>
            <Box sx={{ maxWidth: 560 }}>
              <ReferenceInput source="organizationId" reference="organizations" sort={BY_NAME}>
                <AutocompleteInput label="resources.questions.fields.organizationId" validate={required()} />
              </ReferenceInput>
              <FileInput
                source="file"
                label="cascade.import.file"
                accept={ACCEPTED_FILES}
                placeholder={<Typography variant="body2">{translate('cascade.import.drop')}</Typography>}
                validate={required()}
              >
                <FileField source="src" title="title" />
              </FileInput>
              <Button
                type="submit"
                variant="contained"
                startIcon={submitting ? <CircularProgress size={18} color="inherit" /> : <UploadFileIcon />}
                disabled={submitting}
                sx={{ mt: 1 }}
              >
                {translate('cascade.import.submit')}
              </Button>
            </Box>
          </Form>
        </CardContent>
      </Card>

      {outcome?.kind === 'created' && (
        <Alert severity="success" sx={{ mt: 2 }}>
          <AlertTitle>
            {translate('cascade.questions.import.created', { smart_count: outcome.result.created })}
          </AlertTitle>
          <Stack component="ul" sx={{ m: 0, pl: 2 }}>
            {outcome.result.questions.map((question) => (
              <li key={question.id}>
                <Link to={`/questions/${question.id}/show`}>{question.stem}</Link>
              </li>
            ))}
          </Stack>
        </Alert>
      )}
      {outcome?.kind === 'rows' && (
        <Card sx={{ mt: 2 }}>
          <Alert severity="error" sx={{ borderRadius: 0 }}>
            <AlertTitle>{translate('cascade.import.failed')}</AlertTitle>
            {outcome.detail}
          </Alert>
          <RowErrors rows={outcome.rows} />
        </Card>
      )}
      {outcome?.kind === 'failed' && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {outcome.detail}
        </Alert>
      )}

      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="subtitle1" component="h2" gutterBottom>
            {translate('cascade.import.columns')}
          </Typography>
          <ColumnGuide />
        </CardContent>
      </Card>
    </>
  );
};

/** Route `/questions/import`: all rows or none, with every bad row listed. */
export const QuestionImport = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ maxWidth: 900, mt: { xs: 1, sm: 2 } }}>
      <Title title={translate('cascade.questions.import.title')} />
      <CanAccess resource="questions" action="import" accessDenied={<AccessDenied />}>
        <ImportForm />
      </CanAccess>
    </Box>
  );
};
