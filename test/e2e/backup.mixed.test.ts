import { backupSuite } from './backup-flow';

backupSuite('chromium', 'firefox');
