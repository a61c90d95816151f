import MenuBookIcon from '@mui/icons-material/MenuBook';
import { ScenarioCreate } from './ScenarioCreate';
import { ScenarioEdit } from './ScenarioEdit';
import { ScenarioList } from './ScenarioList';
import { ScenarioShow } from './ScenarioShow';

export default {
  list: ScenarioList,
  show: ScenarioShow,
  edit: ScenarioEdit,
  create: ScenarioCreate,
  icon: MenuBookIcon,
  recordRepresentation: 'title',
};
