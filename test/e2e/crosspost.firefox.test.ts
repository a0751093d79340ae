import { crosspostSuite } from './crosspost-flow';

crosspostSuite('firefox');
