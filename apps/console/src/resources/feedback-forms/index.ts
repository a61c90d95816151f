import FeedbackIcon from '@mui/icons-material/Feedback';
import { FeedbackFormCreate } from './FeedbackFormCreate';
import { FeedbackFormEdit } from './FeedbackFormEdit';
import { FeedbackFormList } from './FeedbackFormList';
import { FeedbackFormShow } from './FeedbackFormShow';

export default {
  list: FeedbackFormList,
  show: FeedbackFormShow,
  edit: FeedbackFormEdit,
  create: FeedbackFormCreate,
  icon: FeedbackIcon,
  recordRepresentation: 'title',
};
