import { homeDeliverySuite } from './home-delivery-flow';

homeDeliverySuite('firefox', 'loopback');
