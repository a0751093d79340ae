/**
 * Issue 32's browser test in the NAT lab: Alice's Murmur home behind an ordinary home router,
 * Alice's and Bob's Chromium behind NATs of their own (home-delivery-flow.ts). Firefox runs the
 * same test on loopback (test/e2e/home-delivery.firefox.test.ts).
 */
import { homeDeliverySuite } from '../e2e/home-delivery-flow';

homeDeliverySuite('chromium', 'nat-lab');
