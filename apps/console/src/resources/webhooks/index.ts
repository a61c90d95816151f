import WebhookIcon from '@mui/icons-material/Webhook';
import { WebhookCreate } from './WebhookCreate';
import { WebhookEdit } from './WebhookEdit';
import { WebhookList } from './WebhookList';
import { WebhookShow } from './WebhookShow';

export default {
  list: WebhookList,
  show: WebhookShow,
  edit: WebhookEdit,
  create: WebhookCreate,
  icon: WebhookIcon,
  recordRepresentation: 'url',
};
