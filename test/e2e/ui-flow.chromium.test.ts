import { uiFlowSuite } from './ui-flow';

uiFlowSuite('chromium');
