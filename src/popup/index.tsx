/** The toolbar popup: Murmur's screens, one at a time (murmur-app.tsx). */
import { render } from 'preact';
import { MurmurApp } from '../screens/murmur-app';

const app = document.getElementById('app');
if (app) render(<MurmurApp layout="popup" />, app);
