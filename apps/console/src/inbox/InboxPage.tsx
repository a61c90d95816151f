import type { ListResult, NotificationView } from '@cascade/contracts';
import DoneIcon from '@mui/icons-material/Done';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import {
  Alert,
  Box,
  Button,
  Card,
  Chip,
  Divider,
  FormControlLabel,
  LinearProgress,
  List,
  ListItem,
  Pagination,
  Stack,
  Switch,
  Typography,
} from '@mui/material';
import { Fragment, useCallback, useEffect, useState } from 'react';
import { Title, useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { CascadeDataProvider } from '../providers/dataProvider';
import { announceInboxChanged } from './useUnreadCount';

const PER_PAGE = 20;

const NotificationItem = ({
  notification,
  onRead,
}: {
  notification: NotificationView;
  onRead: (notification: NotificationView) => Promise<void>;
}) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [locale] = useLocaleState();
  const unread = notification.readAt === null;

  const open = async () => {
    if (!notification.link) return;
    if (unread) await onRead(notification);
    if (notification.link.startsWith('/')) navigate(notification.link);
    else window.open(notification.link, '_blank', 'noopener');
  };

  return (
    <ListItem
      sx={{
        alignItems: 'flex-start',
        flexDirection: 'column',
        gap: 1,
        py: 1.5,
        borderLeft: 4,
        borderColor: unread ? 'primary.main' : 'transparent',
        bgcolor: unread ? 'action.hover' : undefined,
      }}
    >
      <Stack direction="row" spacing={1} sx={{ width: '100%', alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography
          variant="subtitle1"
          component="h2"
          sx={{ fontWeight: unread ? 700 : 400, flex: '1 1 auto', minWidth: 0 }}
        >
          {notification.title}
        </Typography>
        {unread && <Chip size="small" color="primary" label={translate('cascade.inbox.unread')} />}
        <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
          {new Date(notification.createdAt).toLocaleString(locale)}
        </Typography>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
        {notification.body}
      </Typography>
      <Stack direction="row" spacing={1}>
        {notification.link && (
          <Button size="small" startIcon={<OpenInNewIcon />} onClick={open}>
            {translate('cascade.inbox.open_link')}
          </Button>
        )}
        {unread && (
          <Button size="small" startIcon={<DoneIcon />} onClick={() => onRead(notification)}>
            {translate('cascade.inbox.mark_read')}
          </Button>
        )}
      </Stack>
    </ListItem>
  );
};

export const InboxPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [result, setResult] = useState<ListResult<NotificationView>>();
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const answer = await dataProvider.notifications({ page, perPage: PER_PAGE, unreadOnly });
      if (Array.isArray(answer?.data)) setResult(answer);
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  }, [dataProvider, page, unreadOnly]);

  useEffect(() => {
    void load();
  }, [load]);

  const markRead = async (notification: NotificationView) => {
    try {
      await dataProvider.markNotificationRead(notification.id);
      const readAt = new Date().toISOString();
      setResult(
        (current) =>
          current && {
            ...current,
            data: current.data.map((item) => (item.id === notification.id ? { ...item, readAt } : item)),
          },
      );
      announceInboxChanged();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    }
  };

  const pages = result ? Math.max(1, Math.ceil(result.total / PER_PAGE)) : 1;

  return (
    <Box sx={{ maxWidth: 820, mt: { xs: 1, sm: 2 } }}>
      <Title title={translate('cascade.inbox.title')} />
      <Card>
        <Stack
          direction="row"
          sx={{ px: 2, py: 1, alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}
        >
          <Typography variant="h6" component="h1">
            {translate('cascade.inbox.title')}
          </Typography>
          <FormControlLabel
            control={
              <Switch
                checked={unreadOnly}
                onChange={(event) => {
                  setUnreadOnly(event.target.checked);
                  setPage(1);
                }}
              />
            }
            label={translate('cascade.inbox.unread_only')}
          />
        </Stack>
        {loading ? <LinearProgress /> : <Divider />}
        {failed && (
          <Alert severity="error" sx={{ m: 2 }}>
            {translate('cascade.inbox.load_error')}
          </Alert>
        )}
        {result && result.data.length === 0 && !loading && (
          <Typography color="text.secondary" sx={{ p: 3, textAlign: 'center' }}>
            {translate(unreadOnly ? 'cascade.inbox.empty_unread' : 'cascade.inbox.empty')}
          </Typography>
        )}
        <List disablePadding>
          {result?.data.map((notification, index) => (
            <Fragment key={notification.id}>
              {index > 0 && <Divider component="li" />}
              <NotificationItem notification={notification} onRead={markRead} />
            </Fragment>
          ))}
        </List>
        {pages > 1 && (
          <Stack sx={{ alignItems: 'center', py: 2 }}>
            <Pagination count={pages} page={page} onChange={(_, next) => setPage(next)} size="small" />
          </Stack>
        )}
      </Card>
    </Box>
  );
};
