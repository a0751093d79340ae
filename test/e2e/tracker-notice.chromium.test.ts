import { trackerNoticeSuite } from './tracker-notice';

trackerNoticeSuite('chromium');
