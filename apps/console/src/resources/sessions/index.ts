import EventIcon from '@mui/icons-material/Event';
import { SessionCreate } from './SessionCreate';
import { SessionEdit } from './SessionEdit';
import { SessionList } from './SessionList';
import { SessionShow } from './SessionShow';

export default {
  list: SessionList,
  show: SessionShow,
  edit: SessionEdit,
  create: SessionCreate,
  icon: EventIcon,
  recordRepresentation: 'title',
};
