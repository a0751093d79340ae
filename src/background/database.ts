/** The one IndexedDB database of this profile, opened once per background lifetime. */
import { DexieStore } from '../store/dexie-store';
import { MurmurDatabase } from '../store/schema';

let database: MurmurDatabase | null = null;
let store: DexieStore | null = null;

export function openDatabase(): MurmurDatabase {
  database ??= new MurmurDatabase('murmur');
  return database;
}

export function openStore(): DexieStore {
  store ??= new DexieStore(openDatabase());
  return store;
}
