/** A new, empty Murmur database over fake-indexeddb, named apart from every other test's. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { MurmurDatabase } from '../../../src/store/schema';

let counter = 0;
export function freshDatabase(factory = new IDBFactory(), name = `murmur-test-${++counter}`) {
  return new MurmurDatabase(name, { indexedDB: factory, IDBKeyRange });
}
