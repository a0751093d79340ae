import { lockSuite } from './lock-flow';

lockSuite('firefox');
