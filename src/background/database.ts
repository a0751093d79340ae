/** The one IndexedDB database of this profile, opened once per background lifetime. */
import { DexieStore } from '../store/dexie-store';
import { MurmurDatabase } from '../store/schema';

let store: DexieStore | null = null;

export function openStore(): DexieStore {
  store ??= new DexieStore(new MurmurDatabase('murmur'));
  return store;
}
