import { optionsSuite } from './options-flow';

optionsSuite('chromium');
