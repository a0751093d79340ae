import { trackerNoticeSuite } from './tracker-notice';

trackerNoticeSuite('firefox');
