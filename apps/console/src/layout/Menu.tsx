import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import InboxIcon from '@mui/icons-material/Inbox';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Divider } from '@mui/material';
import { Menu as RaMenu, useCanAccess, useTranslate } from 'react-admin';

// Resource items hide themselves through the authProvider's canAccess.
export const Menu = () => {
  const translate = useTranslate();
  const { canAccess: canImportUsers } = useCanAccess({ resource: 'users', action: 'import' });
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      <RaMenu.ResourceItems />
      {canImportUsers && (
        <RaMenu.Item
          to="/users/import"
          primaryText={translate('cascade.menu.import_users')}
          leftIcon={<UploadFileIcon />}
        />
      )}
      <Divider sx={{ my: 1 }} />
      <RaMenu.Item to="/inbox" primaryText={translate('cascade.menu.inbox')} leftIcon={<InboxIcon />} />
      <RaMenu.Item to="/profile" primaryText={translate('cascade.menu.profile')} leftIcon={<AccountCircleIcon />} />
    </RaMenu>
  );
};
