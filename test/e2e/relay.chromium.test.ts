import { relaySuite } from './relay-suite';

relaySuite({ alice: 'chromium', paul: 'chromium', george: 'chromium' }, 'stop-service-worker');
