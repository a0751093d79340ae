import { keyboardJourneySuite } from './keyboard-journey';

keyboardJourneySuite('chromium');
