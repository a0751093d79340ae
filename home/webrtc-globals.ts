/**
 * Imported first by every entry that loads the transport: PeerJS checks for WebRTC when it is
 * loaded, so the globals must be there before any module that imports it is evaluated.
 */
import { installNodeWebRtc } from './node-webrtc';

installNodeWebRtc();
