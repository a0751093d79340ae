/**
 * A time past what JavaScript's Date can hold (hostile-peers issue, point 7): the codec took
 * anything up to 2^53−1 ms, and `toISOString` / `Intl.DateTimeFormat` throw RangeError on it,
 * which took down the feed, the chat and the archive export. A friend of a friend can deliver
 * one inside a shared reply.
 */
import { describe, expect, it } from 'vitest';
import { archiveHtml } from '../../../src/core/archive/archive-html';
import type { ArchiveEntry } from '../../../src/core/archive/archive-entries';
import { DecodeError } from '../../../src/core/codec/decode-error';
import { MAX_TIME_MS } from '../../../src/core/dates';
import { decodeMessage, encodeMessage } from '../../../src/core/messages/codec';
import type { ReplyMessage } from '../../../src/core/messages/kinds';
import { messageIdFromBytes } from '../../../src/core/messages/message-id';

const reply = (createdAt: number): ReplyMessage => ({
  kind: 'reply',
  id: messageIdFromBytes(new Uint8Array(16).fill(7)),
  createdAt,
  postId: messageIdFromBytes(new Uint8Array(16).fill(8)),
  postAuthor: new Uint8Array(20).fill(9),
  parentReplyId: null,
  visibility: 'public',
  text: 'from the far future',
});

/** The reply as encoded at a valid time, then with its 8 time bytes set to `ms`. */
function replyAt(ms: number): Uint8Array {
  const valid = 1_790_000_000_000;
  const bytes = encodeMessage(reply(valid));
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const at = Array.from({ length: bytes.length - 7 }, (_, i) => i).find(
    (i) =>
      view.getUint32(i) === Math.floor(valid / 2 ** 32) &&
      view.getUint32(i + 4) === valid % 2 ** 32,
  );
  if (at === undefined) throw new Error('the time field is not where a reply keeps it');
  view.setUint32(at, Math.floor(ms / 2 ** 32));
  view.setUint32(at + 4, ms % 2 ** 32);
  return bytes;
}

describe('a time past the Date range', () => {
  it('is refused by the message codec, on reading and on writing', () => {
    expect(decodeMessage(replyAt(MAX_TIME_MS))).toMatchObject({ createdAt: MAX_TIME_MS });
    const error = (() => {
      try {
        return decodeMessage(replyAt(Number.MAX_SAFE_INTEGER));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DecodeError);
    expect(() => encodeMessage(reply(MAX_TIME_MS + 1))).toThrow(RangeError);
  });

  it('in an entry that got past anyway still leaves the archive exportable', () => {
    const entry: ArchiveEntry = {
      id: 'e1',
      kind: 'post',
      mine: false,
      authorFingerprint: 'ab'.repeat(20),
      authorName: 'Far Future',
      createdAt: Number.MAX_SAFE_INTEGER,
      text: 'still here',
      thumbnails: [],
      conversationWith: null,
      conversationName: null,
      replyTo: null,
      itemId: messageIdFromBytes(new Uint8Array(16).fill(7)),
      mirroredFromFacebook: false,
      signedData: new Uint8Array(4),
      signature: new Uint8Array(4),
    };
    const html = archiveHtml({ name: 'Me', fingerprint: 'cd'.repeat(20) }, [entry], [], Date.now());
    expect(html).toContain('still here');
    expect(html).toContain('unknown date');
  });
});
