/** Small media bodies for download tests: a JPEG, a PNG and an MP3 of real MPEG frames. */
export const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(200, 7),
  Buffer.from([0xff, 0xd9]),
]);
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(120, 3)]);

/** `frames` MPEG-1 Layer III frames, 128 kbit/s, 44.1 kHz (417 bytes each), optionally behind an ID3 tag. */
export function mp3(frames: number, withTag = false): Buffer {
  const frame = Buffer.alloc(417, 0);
  frame.writeUInt32BE(0xfffb9064, 0);
  const audio = Buffer.concat(Array.from({ length: frames }, () => frame));
  if (!withTag) return audio;
  // An ID3v2.3 tag with one TIT2 frame ("Old title"), as some CDNs ship previews.
  const text = Buffer.from('\0Old title', 'latin1');
  const tit2 = Buffer.concat([Buffer.from('TIT2'), uint32(text.length), Buffer.from([0, 0]), text]);
  const size = tit2.length;
  const header = Buffer.from([
    0x49,
    0x44,
    0x33,
    3,
    0,
    0,
    (size >> 21) & 0x7f,
    (size >> 14) & 0x7f,
    (size >> 7) & 0x7f,
    size & 0x7f,
  ]);
  return Buffer.concat([header, tit2, audio]);
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n, 0);
  return b;
}
