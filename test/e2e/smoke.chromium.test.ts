import { smokeSuite } from './smoke';

smokeSuite('chromium');
