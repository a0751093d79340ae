import { inviteSwapSuite } from './invite-swap';

inviteSwapSuite('firefox');
