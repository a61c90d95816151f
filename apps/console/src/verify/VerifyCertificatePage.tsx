import type { CertificateVerification } from '@cascade/contracts';
import CancelIcon from '@mui/icons-material/Cancel';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import VerifiedIcon from '@mui/icons-material/Verified';
import { Alert, Box, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { HttpError, LocalesMenuButton, useLocaleState, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { httpClient } from '../providers/httpClient';

type State =
  | { kind: 'loading' }
  | { kind: 'found'; verification: CertificateVerification }
  | { kind: 'not_found' }
  | { kind: 'failed' };

const ICONS: Record<CertificateVerification['status'], ReactNode> = {
  valid: <VerifiedIcon color="success" />,
  expired: <EventBusyIcon color="warning" />,
  revoked: <CancelIcon color="error" />,
};

const Row = ({ label, value }: { label: string; value: string }) => (
  <Stack direction="row" spacing={2} sx={{ justifyContent: 'space-between', py: 0.75 }}>
    <Typography color="text.secondary">{label}</Typography>
    <Typography sx={{ fontWeight: 600, textAlign: 'right' }}>{value}</Typography>
  </Stack>
);

const Result = ({ verification }: { verification: CertificateVerification }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const day = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso));
  const { status } = verification;
  return (
    <Card data-testid="verify-result" data-status={status} role="status" aria-live="polite">
      <CardContent sx={{ py: 4 }}>
        <Box sx={{ textAlign: 'center', '& svg': { fontSize: 72 } }}>{ICONS[status]}</Box>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700, textAlign: 'center' }}>
          {translate(`cascade.verify.${status}`)}
        </Typography>
        <Typography color="text.secondary" sx={{ textAlign: 'center', mb: 2 }}>
          {translate(`cascade.verify.kind_${verification.kind}`)}
        </Typography>
        <Row label={translate('cascade.verify.holder')} value={verification.holderName} />
        <Row label={translate('cascade.verify.achievement')} value={verification.title} />
        <Row label={translate('cascade.verify.achieved_at')} value={day(verification.achievedAt)} />
        <Row label={translate('cascade.verify.issued_at')} value={day(verification.issuedAt)} />
        <Row
          label={translate(status === 'expired' ? 'cascade.verify.expired_at' : 'cascade.verify.expires_at')}
          value={verification.expiresAt ? day(verification.expiresAt) : translate('cascade.verify.no_expiry')}
        />
        {verification.revokedAt ? (
          <Row label={translate('cascade.verify.revoked_at')} value={day(verification.revokedAt)} />
        ) : null}
      </CardContent>
    </Card>
  );
};

/**
 * Route `/verify/:code`, opened from a certificate's QR code by anyone, signed in or not:
 * valid, expired or revoked, with the holder's name and what was certified.
 */
export const VerifyCertificatePage = () => {
  const translate = useTranslate();
  const { code } = useParams();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    httpClient<CertificateVerification>(`/verify/${encodeURIComponent(code ?? '')}`, { authenticated: false })
      .then(({ json }) => current && setState({ kind: 'found', verification: json }))
      .catch(
        (error: unknown) =>
          current && setState({ kind: error instanceof HttpError && error.status === 404 ? 'not_found' : 'failed' }),
      );
    return () => {
      current = false;
    };
  }, [code]);

  return (
    <Box sx={{ minHeight: '100dvh', bgcolor: 'background.default' }}>
      <Stack
        direction="row"
        sx={{ alignItems: 'center', px: 2, py: 1, bgcolor: 'primary.main', color: 'primary.contrastText' }}
      >
        <Typography variant="h6" component="span" sx={{ fontWeight: 700, flex: '1 1 auto' }}>
          Cascade · {translate('cascade.verify.title')}
        </Typography>
        <LocalesMenuButton
          languages={[
            { locale: 'zh-CN', name: '中文' },
            { locale: 'en', name: 'EN' },
          ]}
        />
      </Stack>
      <Box sx={{ maxWidth: 520, mx: 'auto', p: 2 }}>
        {state.kind === 'loading' ? (
          <Stack spacing={2} sx={{ alignItems: 'center', py: 6 }} role="status">
            <CircularProgress size={56} />
            <Typography variant="h6">{translate('cascade.verify.checking')}</Typography>
          </Stack>
        ) : state.kind === 'found' ? (
          <>
            <Result verification={state.verification} />
            <Typography variant="body2" color="text.secondary" sx={{ mt: 2, textAlign: 'center' }}>
              {translate('cascade.verify.explanation')}
            </Typography>
          </>
        ) : state.kind === 'not_found' ? (
          <Card data-testid="verify-result" data-status="not_found" role="status">
            <CardContent sx={{ textAlign: 'center', py: 4 }}>
              <Box sx={{ '& svg': { fontSize: 72 } }}>
                <SearchOffIcon color="action" />
              </Box>
              <Typography variant="h5" component="h1" sx={{ fontWeight: 700, mb: 1 }}>
                {translate('cascade.verify.not_found')}
              </Typography>
              <Typography color="text.secondary">{translate('cascade.verify.not_found_help')}</Typography>
            </CardContent>
          </Card>
        ) : (
          <Alert severity="error">{translate('cascade.verify.failed')}</Alert>
        )}
      </Box>
    </Box>
  );
};
