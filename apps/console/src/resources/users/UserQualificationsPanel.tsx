import type { CertificateStatus, CertificateView, UserView } from '@cascade/contracts';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLocaleState, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { qualificationsApi } from '../../providers/qualificationsApi';
import { EnumChip, type ChipColor } from '../EnumChip';
import { QualificationProgress, QualificationStatusChip } from '../qualification-tracks/QualificationProgress';
import { useApiFile } from '../useApiFile';
import { useApiQuery } from '../useApiQuery';

const CERTIFICATE_COLORS: Record<CertificateStatus, ChipColor> = {
  valid: 'success',
  expired: 'warning',
  revoked: 'error',
};

/** Clipboard access needs a secure context; elsewhere the link is selected in a prompt the person copies from. */
async function copyText(text: string): Promise<boolean> {
  if (!navigator.clipboard) return false;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

const Qualifications = ({ userId }: { userId: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error, loading } = useApiQuery(() => qualificationsApi.qualifications({ userId }), userId);
  if (loading && !data) return <LinearProgress />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!data?.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('cascade.user_qualifications.none')}
      </Typography>
    );
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return (
    <Box
      sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 320px), 1fr))' }}
      data-testid="user-qualifications"
    >
      {data.map((qualification) => (
        <Card variant="outlined" key={qualification.id}>
          <CardContent>
            <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
              <Typography
                variant="subtitle1"
                component={RouterLink}
                to={`/qualification-tracks/${qualification.trackId}/show`}
                sx={{ fontWeight: 600, color: 'inherit', minWidth: 0, overflowWrap: 'anywhere' }}
              >
                {qualification.trackTitle}
              </Typography>
              <QualificationStatusChip status={qualification.status} />
            </Stack>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {qualification.expiresAt
                ? translate(
                    qualification.status === 'expired'
                      ? 'cascade.qualifications.expired_on'
                      : 'cascade.qualifications.expires_on',
                    { date: dateFormat.format(new Date(qualification.expiresAt)) },
                  )
                : qualification.qualifiedAt
                  ? translate('cascade.qualifications.no_expiry')
                  : qualification.businessProcesses.join('、')}
            </Typography>
            <QualificationProgress qualification={qualification} compact />
          </CardContent>
        </Card>
      ))}
    </Box>
  );
};

const Certificates = ({ userId }: { userId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const { save } = useApiFile();
  const { data, error, loading } = useApiQuery(() => qualificationsApi.certificates({ userId }), userId);
  if (loading && !data) return <LinearProgress />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!data?.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('cascade.user_qualifications.no_certificates')}
      </Typography>
    );
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const copy = async (certificate: CertificateView) => {
    if (await copyText(certificate.verifyUrl)) notify('cascade.user_qualifications.link_copied', { type: 'info' });
    else window.prompt(translate('cascade.user_qualifications.copy_link'), certificate.verifyUrl);
  };
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="user-certificates">
        <TableHead>
          <TableRow>
            <TableCell>{translate('cascade.user_qualifications.certificate')}</TableCell>
            <TableCell>{translate('cascade.user_qualifications.status')}</TableCell>
            <TableCell>{translate('cascade.verify.achieved_at')}</TableCell>
            <TableCell>{translate('cascade.verify.expires_at')}</TableCell>
            <TableCell>{translate('cascade.user_qualifications.code')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {data.map((certificate) => (
            <TableRow key={certificate.id}>
              <TableCell sx={{ minWidth: 180 }}>
                {certificate.title}
                <Typography variant="caption" color="text.secondary" component="div">
                  {translate(`cascade.verify.kind_${certificate.kind}`)}
                </Typography>
              </TableCell>
              <TableCell>
                <EnumChip value={certificate.status} prefix="cascade.certificate_status" colors={CERTIFICATE_COLORS} />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{dateFormat.format(new Date(certificate.achievedAt))}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {certificate.expiresAt
                  ? dateFormat.format(new Date(certificate.expiresAt))
                  : translate('cascade.verify.no_expiry')}
              </TableCell>
              <TableCell>
                <RouterLink to={`/verify/${encodeURIComponent(certificate.code)}`} data-testid="verify-link">
                  <code>{certificate.code}</code>
                </RouterLink>
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <Button
                  size="small"
                  startIcon={<PictureAsPdfIcon />}
                  onClick={() =>
                    void save(`/certificates/${certificate.id}/pdf`, `certificate-${certificate.code}.pdf`)
                  }
                >
                  {translate('cascade.user_qualifications.download_pdf')}
                </Button>
                <Button size="small" startIcon={<ContentCopyIcon />} onClick={() => void copy(certificate)}>
                  {translate('cascade.user_qualifications.copy_link')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** A person's qualifications (status, expiry, progress) and certificates on their user page. */
export const UserQualificationsPanel = () => {
  const record = useRecordContext<UserView>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('cascade.user_qualifications.title')}
        </Typography>
        <Qualifications userId={String(record.id)} />
        <Typography variant="h6" component="h2" sx={{ mt: 3 }} gutterBottom>
          {translate('cascade.user_qualifications.certificates')}
        </Typography>
        <Certificates userId={String(record.id)} />
      </CardContent>
    </Card>
  );
};
