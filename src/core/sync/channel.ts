/**
 * The transport port: a reliable, ordered duplex byte channel (a WebRTC data channel,
 * or an in-memory pair in tests and the simulator).
 */
export interface Channel {
  send(frame: Uint8Array): void;
  close(): void;
  onFrame(handler: (frame: Uint8Array) => void): void;
  onClose(handler: () => void): void;
  /**
   * Bytes that identify this channel's own encryption (e.g. both DTLS fingerprints), mixed into
   * the handshake proofs so a relaying man in the middle cannot splice two channels together.
   * Empty where the channel has none.
   */
  binding: Uint8Array;
  /** The session on this channel proved the peer's key (a transport may then protect it). */
  established?(): void;
}
