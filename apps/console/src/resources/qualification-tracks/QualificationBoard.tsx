import { ATTITUDES, type QualificationTrackView, type QualificationView } from '@cascade/contracts';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import {
  Alert,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Dialog,
  DialogContent,
  DialogTitle,
  LinearProgress,
  MenuItem,
  Stack,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import {
  AutocompleteInput,
  Form,
  ReferenceInput,
  SaveButton,
  required,
  useCanAccess,
  useLocaleState,
  useNotify,
  useTranslate,
} from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { qualificationsApi } from '../../providers/qualificationsApi';
import { BY_NAME } from '../choices';
import { TextPromptDialog } from '../TextPromptDialog';
import { useApiQuery } from '../useApiQuery';
import { QualificationProgress, QualificationStatusChip } from './QualificationProgress';

const ALL = '';

const AddCandidateDialog = ({
  track,
  open,
  onClose,
  onAdded,
}: {
  track: QualificationTrackView;
  open: boolean;
  onClose: () => void;
  onAdded: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: Record<string, unknown>) => {
    try {
      await qualificationsApi.nominate(track.id, String(values.userId));
      setError(null);
      notify('cascade.qualifications.candidate_added', { type: 'success' });
      onAdded();
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('cascade.qualifications.add_candidate')}</DialogTitle>
      <DialogContent>
        <Form onSubmit={submit}>
          <ReferenceInput
            source="userId"
            reference="users"
            filter={{ organizationId: track.organizationId, active: true }}
            sort={BY_NAME}
          >
            <AutocompleteInput label="cascade.qualifications.candidate" validate={required()} />
          </ReferenceInput>
          {error && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {error}
            </Alert>
          )}
          <SaveButton label="cascade.qualifications.add_candidate" icon={<PersonAddIcon />} alwaysEnable />
        </Form>
      </DialogContent>
    </Dialog>
  );
};

const CandidateCard = ({
  qualification,
  onRevoke,
  canManage,
}: {
  qualification: QualificationView;
  onRevoke: (qualification: QualificationView) => void;
  canManage: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const open = qualification.status !== 'revoked' && qualification.status !== 'expired';
  return (
    <Card variant="outlined" data-testid="candidate-card" sx={{ display: 'flex', flexDirection: 'column' }}>
      <CardContent sx={{ flexGrow: 1 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', justifyContent: 'space-between', mb: 0.5 }}>
          <Typography
            variant="subtitle1"
            component={RouterLink}
            to={`/users/${qualification.userId}/show`}
            sx={{ fontWeight: 600, color: 'inherit', minWidth: 0, overflowWrap: 'anywhere' }}
          >
            {qualification.userName}
          </Typography>
          <QualificationStatusChip status={qualification.status} />
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {[
            qualification.departmentName,
            qualification.attitude ? translate(`cascade.attitudes.${qualification.attitude}`) : null,
          ]
            .filter(Boolean)
            .join(' · ') || '—'}
        </Typography>
        {qualification.expiresAt && (
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate(
              qualification.status === 'expired'
                ? 'cascade.qualifications.expired_on'
                : 'cascade.qualifications.expires_on',
              { date: dateFormat.format(new Date(qualification.expiresAt)) },
            )}
          </Typography>
        )}
        {qualification.revokeReason && (
          <Alert severity="error" sx={{ mb: 1 }}>
            {translate('cascade.qualifications.revoked_because', { reason: qualification.revokeReason })}
          </Alert>
        )}
        <QualificationProgress qualification={qualification} />
      </CardContent>
      {canManage && open && (
        <CardActions sx={{ flexWrap: 'wrap' }}>
          {qualification.progress.some((p) => p.kind === 'teach_back' && !p.met) && (
            <Button
              size="small"
              component={RouterLink}
              to={`/teach-backs/create?trackId=${qualification.trackId}&candidateId=${qualification.userId}`}
            >
              {translate('cascade.qualifications.teach_back')}
            </Button>
          )}
          <Button size="small" color="error" onClick={() => onRevoke(qualification)}>
            {translate('cascade.qualifications.revoke')}
          </Button>
        </CardActions>
      )}
    </Card>
  );
};

/** The candidates of one track, each criterion as a bar with the records behind it. */
export const QualificationBoard = ({ track }: { track: QualificationTrackView }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess: canManage } = useCanAccess({ resource: 'qualification-tracks', action: 'nominate' });
  const { data, error, loading, reload } = useApiQuery(
    () => qualificationsApi.qualifications({ trackId: track.id }),
    track.id,
  );
  const [department, setDepartment] = useState(ALL);
  const [attitude, setAttitude] = useState(ALL);
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<QualificationView | null>(null);

  const departments = useMemo(() => {
    const byId = new Map<string, string>();
    for (const q of data ?? []) if (q.departmentId) byId.set(q.departmentId, q.departmentName ?? q.departmentId);
    return [...byId].sort((a, b) => a[1].localeCompare(b[1]));
  }, [data]);
  // The board holds one track's candidates (at most a page of 100), so narrowing them here spares a round trip per click.
  const shown = (data ?? []).filter(
    (q) => (department === ALL || q.departmentId === department) && (attitude === ALL || q.attitude === attitude),
  );

  return (
    <Box sx={{ mt: 2 }}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {translate('cascade.qualifications.board')}
        </Typography>
        <MuiTextField
          select
          size="small"
          label={translate('cascade.qualifications.filter_department')}
          value={department}
          onChange={(event) => setDepartment(event.target.value)}
          fullWidth={false}
          sx={{ minWidth: 180 }}
        >
          <MenuItem value={ALL}>{translate('cascade.qualifications.all')}</MenuItem>
          {departments.map(([id, name]) => (
            <MenuItem key={id} value={id}>
              {name}
            </MenuItem>
          ))}
        </MuiTextField>
        <MuiTextField
          select
          size="small"
          label={translate('cascade.qualifications.filter_attitude')}
          value={attitude}
          onChange={(event) => setAttitude(event.target.value)}
          fullWidth={false}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value={ALL}>{translate('cascade.qualifications.all')}</MenuItem>
          {ATTITUDES.map((value) => (
            <MenuItem key={value} value={value}>
              {translate(`cascade.attitudes.${value}`)}
            </MenuItem>
          ))}
        </MuiTextField>
        {canManage && (
          <Button variant="contained" startIcon={<PersonAddIcon />} onClick={() => setAdding(true)}>
            {translate('cascade.qualifications.add_candidate')}
          </Button>
        )}
      </Stack>
      {loading && !data && <LinearProgress />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && shown.length === 0 && (
        <Typography color="text.secondary">{translate('cascade.qualifications.no_candidates')}</Typography>
      )}
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 340px), 1fr))',
        }}
      >
        {shown.map((qualification) => (
          <CandidateCard
            key={qualification.id}
            qualification={qualification}
            canManage={canManage ?? false}
            onRevoke={setRevoking}
          />
        ))}
      </Box>
      <AddCandidateDialog track={track} open={adding} onClose={() => setAdding(false)} onAdded={() => void reload()} />
      <TextPromptDialog
        open={revoking !== null}
        title={translate('cascade.qualifications.revoke_title', { name: revoking?.userName ?? '' })}
        label={translate('cascade.qualifications.revoke_reason')}
        required
        confirmLabel={translate('cascade.qualifications.revoke')}
        confirmColor="error"
        onClose={() => setRevoking(null)}
        onConfirm={async (reason) => {
          if (!revoking) return;
          await qualificationsApi.revoke(revoking.id, reason);
          notify('cascade.qualifications.revoked', { type: 'info' });
          setRevoking(null);
          await reload();
        }}
      />
    </Box>
  );
};
