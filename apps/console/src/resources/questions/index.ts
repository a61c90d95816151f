import QuizIcon from '@mui/icons-material/Quiz';
import { QuestionCreate } from './QuestionCreate';
import { QuestionEdit } from './QuestionEdit';
import { QuestionImport } from './QuestionImport';
import { QuestionList } from './QuestionList';
import { QuestionShow } from './QuestionShow';

export { QuestionImport };

export default {
  list: QuestionList,
  show: QuestionShow,
  edit: QuestionEdit,
  create: QuestionCreate,
  icon: QuizIcon,
  recordRepresentation: 'stem',
};
