import { uiFlowSuite } from './ui-flow';

uiFlowSuite('firefox');
