import { unreadRestartSuite } from './unread-restart-flow';

unreadRestartSuite('chromium');
