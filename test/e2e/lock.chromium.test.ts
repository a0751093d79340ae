import { lockSuite } from './lock-flow';

lockSuite('chromium');
