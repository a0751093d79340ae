import { inviteSwapSuite } from './invite-swap';

inviteSwapSuite('chromium');
