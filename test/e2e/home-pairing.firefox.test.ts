import { homePairingSuite } from './home-pairing-flow';

homePairingSuite('firefox');
