import { relaySuite } from './relay-suite';

relaySuite({ alice: 'firefox', paul: 'firefox', george: 'firefox' }, 'firefox-idle-timeout');
