import { backupSuite } from './backup-flow';

// …and back: a backup made in Firefox restores in Chromium.
backupSuite('firefox', 'chromium');
