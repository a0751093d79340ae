import { optionsSuite } from './options-flow';

optionsSuite('firefox');
