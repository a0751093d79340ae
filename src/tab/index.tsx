/** The full Murmur tab (murmur.html): the popup's screens with room, two side by side. */
import { render } from 'preact';
import { MurmurApp } from '../screens/murmur-app';
import { askEarly } from '../ui/early-answers';

// Its first screen has the friends list beside the feed: asked for at once, like the feed.
askEarly('friends.list', {});
const app = document.getElementById('app');
if (app) render(<MurmurApp layout="tab" />, app);
