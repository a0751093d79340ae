/** The Options page's Murmur home section: see it, pair it, forget it (app/my-home.ts). */
import type { AppContext } from './app-context';
import type { AppHandlers } from './app-requests';
import { myHome, pairHome, unpairHome } from './my-home';

export function homeDoor(ctx: AppContext): AppHandlers<'home.get' | 'home.pair' | 'home.unpair'> {
  return {
    'home.get': () => myHome(ctx),
    'home.pair': ({ link }) => pairHome(ctx, link),
    'home.unpair': () => unpairHome(ctx),
  };
}
