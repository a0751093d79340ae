import { relaySuite } from './relay-suite';

relaySuite({ alice: 'chromium', paul: 'firefox', george: 'chromium' }, 'tracker-restart');
