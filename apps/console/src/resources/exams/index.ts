import AssignmentIcon from '@mui/icons-material/FactCheck';
import { ExamCreate } from './ExamCreate';
import { ExamEdit } from './ExamEdit';
import { ExamList } from './ExamList';
import { ExamResultsPage } from './ExamResultsPage';
import { ExamShow } from './ExamShow';
import { ItemAnalysisPage } from './ItemAnalysisPage';

export { ExamResultsPage, ItemAnalysisPage };

export default {
  list: ExamList,
  show: ExamShow,
  edit: ExamEdit,
  create: ExamCreate,
  icon: AssignmentIcon,
  recordRepresentation: 'title',
};
