import { smokeSuite } from './smoke';

smokeSuite('firefox');
