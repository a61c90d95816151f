import type {
  FieldChange,
  MaterialView,
  PlanModuleView,
  PlanRevisionView,
  PlanTargetView,
  TrainingPlanView,
} from '@cascade/contracts';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import {
  Alert,
  Box,
  Card,
  CardContent,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useDataProvider, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { CascadeDataProvider } from '../../providers/dataProvider';
import { EnumChip } from '../EnumChip';
import { useApiQuery } from '../useApiQuery';
import { UserName } from '../UserName';

const REVISION_COLORS = { pending: 'warning', confirmed: 'success', returned: 'error' } as const;

type ModuleLike = Partial<PlanModuleView>;
type TargetLike = Partial<PlanTargetView>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isModule = (value: unknown): value is ModuleLike => isObject(value) && 'durationMinutes' in value;
const isTarget = (value: unknown): value is TargetLike => isObject(value) && 'userId' in value && 'kind' in value;
const isMaterial = (value: unknown): value is Partial<MaterialView> =>
  isObject(value) && 'kind' in value && 'title' in value;

/** The diff names list items by module title or target user: `modules[收货].outline`, `targets[<id>]`. */
const ITEM_FIELD = /^(modules|targets)\[(.+)\](?:\.(\w+))?$/;

/** The changed field in words: "课程模块「到货、质检与入库」· 时长（分钟）". */
const ChangeField = ({ field }: { field: string }) => {
  const translate = useTranslate();
  const planField = (name: string) => translate(`resources.training-plans.fields.${name}`, { _: name });
  if (field === 'modules.order') return <>{`${planField('modules')} · ${translate('cascade.plans.module_order')}`}</>;
  const item = ITEM_FIELD.exec(field);
  if (!item) return <>{planField(field)}</>;
  const [, list, name, key] = item;
  if (list === 'targets') {
    return (
      <>
        {planField('targets')} · <UserName id={name} />
      </>
    );
  }
  return (
    <>{`${planField('modules')}「${name}」${key ? ` · ${translate(`cascade.plans.module.${key}`, { _: key })}` : ''}`}</>
  );
};

/** One side of a change, readable: module lines, user names, material titles, plain text. */
const ChangeValue = ({ field, value }: { field: string; value: unknown }) => {
  const translate = useTranslate();
  const moduleLine = (module: ModuleLike) =>
    `${module.businessProcess} · ${module.title} (${module.durationMinutes} ${translate('cascade.plans.minutes')})`;
  if (value === null || value === undefined || value === '') return <span>—</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span>—</span>;
    return (
      <Stack component="span">
        {value.map((item, index) => (
          <span key={index}>
            {field === 'trainerIds' ? (
              <UserName id={String(item)} />
            ) : isModule(item) ? (
              moduleLine(item)
            ) : isMaterial(item) ? (
              `${translate(`cascade.plans.material_kind.${item.kind}`)}: ${item.title}`
            ) : (
              String(item)
            )}
          </span>
        ))}
      </Stack>
    );
  }
  if (isModule(value)) return <span>{moduleLine(value)}</span>;
  if (isTarget(value)) {
    return (
      <span>
        {translate(`cascade.target_kind.${value.kind}`)}
        {value.businessProcess ? ` · ${value.businessProcess}` : ''}
      </span>
    );
  }
  if (field === 'signInMethod' && typeof value === 'string') {
    return <span>{translate(`cascade.sign_in_method.${value}`)}</span>;
  }
  return <span>{typeof value === 'string' ? value : JSON.stringify(value)}</span>;
};

const ChangesTable = ({ changes }: { changes: FieldChange[] }) => {
  const translate = useTranslate();
  return (
    <TableContainer>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 220 }}>{translate('cascade.audit.field')}</TableCell>
            <TableCell>{translate('cascade.plans.before')}</TableCell>
            <TableCell sx={{ width: 24, px: 0 }} />
            <TableCell>{translate('cascade.plans.after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {changes.map((change) => (
            <TableRow key={change.field} sx={{ verticalAlign: 'top' }}>
              <TableCell>
                <ChangeField field={change.field} />
              </TableCell>
              <TableCell
                sx={{
                  whiteSpace: 'pre-wrap',
                  overflowWrap: 'anywhere',
                  bgcolor: (theme) => alpha(theme.palette.error.main, 0.06),
                  textDecoration: 'line-through',
                  textDecorationColor: (theme) => alpha(theme.palette.error.main, 0.4),
                }}
              >
                <ChangeValue field={change.field} value={change.before} />
              </TableCell>
              <TableCell sx={{ px: 0, color: 'text.secondary' }}>
                <ArrowForwardIcon fontSize="small" />
              </TableCell>
              <TableCell
                sx={{
                  whiteSpace: 'pre-wrap',
                  overflowWrap: 'anywhere',
                  bgcolor: (theme) => alpha(theme.palette.success.main, 0.08),
                }}
              >
                <ChangeValue field={change.field} value={change.after} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

const RevisionCard = ({ revision }: { revision: PlanRevisionView }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }} useFlexGap>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {translate('cascade.plans.revision_number', { number: revision.number })}
          </Typography>
          <EnumChip value={revision.status} prefix="cascade.revision_status" colors={REVISION_COLORS} />
          <Typography variant="body2" color="text.secondary">
            {translate('cascade.plans.requested_by', { when: when(revision.requestedAt) })}{' '}
            <UserName id={revision.requestedBy} />
          </Typography>
        </Stack>
        <Typography variant="body2" sx={{ mb: 1, whiteSpace: 'pre-wrap' }}>
          <strong>{translate('cascade.plans.reason')}:</strong> {revision.reason}
        </Typography>
        {revision.decidedAt && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1, whiteSpace: 'pre-wrap' }}>
            {translate('cascade.plans.decided_by', { when: when(revision.decidedAt) })}{' '}
            <UserName id={revision.decidedBy} />
            {revision.comment ? ` — ${revision.comment}` : ''}
          </Typography>
        )}
        {revision.changes.length > 0 ? (
          <ChangesTable changes={revision.changes} />
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('cascade.audit.empty')}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};

/** Every change to the plan after its first confirmation, newest first, field by field. */
export const PlanRevisions = () => {
  const plan = useRecordContext<TrainingPlanView>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const { data, error, loading } = useApiQuery(
    () => dataProvider.planRevisions(plan?.id ?? ''),
    plan ? `${plan.id}@${plan.updatedAt}` : undefined,
  );
  const revisions = [...(data?.data ?? [])].sort((a, b) => b.number - a.number);
  return (
    <Box>
      {loading && <LinearProgress />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {!loading && !error && revisions.length === 0 && (
        <Typography color="text.secondary">{translate('cascade.plans.no_revisions')}</Typography>
      )}
      <Stack spacing={2}>
        {revisions.map((revision) => (
          <RevisionCard key={revision.id} revision={revision} />
        ))}
      </Stack>
    </Box>
  );
};
