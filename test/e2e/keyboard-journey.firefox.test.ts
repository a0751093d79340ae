import { keyboardJourneySuite } from './keyboard-journey';

keyboardJourneySuite('firefox');
