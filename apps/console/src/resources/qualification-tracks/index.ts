import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import { TrackCreate } from './TrackCreate';
import { TrackEdit } from './TrackEdit';
import { TrackList } from './TrackList';
import { TrackShow } from './TrackShow';

export { TeachBackCreatePage } from './TeachBackCreatePage';

export default {
  list: TrackList,
  show: TrackShow,
  edit: TrackEdit,
  create: TrackCreate,
  icon: WorkspacePremiumIcon,
  recordRepresentation: 'title',
};
