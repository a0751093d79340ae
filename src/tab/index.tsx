/** The full Murmur tab (murmur.html): the popup's screens with room, two side by side. */
import { render } from 'preact';
import { MurmurApp } from '../popup/murmur-app';

const app = document.getElementById('app');
if (app) render(<MurmurApp layout="tab" />, app);
