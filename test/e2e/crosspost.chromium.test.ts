import { crosspostSuite } from './crosspost-flow';

crosspostSuite('chromium');
