import NotificationsIcon from '@mui/icons-material/Notifications';
import NotificationsNoneIcon from '@mui/icons-material/NotificationsNone';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useUnreadCount } from '../inbox/useUnreadCount';

export const InboxBell = () => {
  const translate = useTranslate();
  const unread = useUnreadCount() ?? 0;
  const label =
    unread > 0 ? translate('cascade.inbox.unread_badge', { smart_count: unread }) : translate('cascade.inbox.title');
  return (
    <Tooltip title={label}>
      <IconButton color="inherit" component={Link} to="/inbox" aria-label={label}>
        <Badge badgeContent={unread} color="error" max={99}>
          {unread > 0 ? <NotificationsIcon /> : <NotificationsNoneIcon />}
        </Badge>
      </IconButton>
    </Tooltip>
  );
};
