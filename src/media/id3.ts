import { Transform } from 'node:stream';
import { ID3Writer } from 'browser-id3-writer';

export interface TagFields {
  title: string;
  artist: string;
  cover?: { data: Uint8Array; mime: string } | undefined;
}

const FRONT_COVER = 3;

/** An ID3v2.3 tag (title, artist, front cover) to put before the MP3 frames. */
export function buildId3Tag(fields: TagFields): Uint8Array {
  const writer = new ID3Writer(new ArrayBuffer(0));
  writer.setFrame('TIT2', fields.title);
  if (fields.artist !== '') writer.setFrame('TPE1', [fields.artist]);
  if (fields.cover) {
    const { data } = fields.cover;
    const bytes = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    writer.setFrame('APIC', { type: FRONT_COVER, data: bytes, description: 'Cover', useUnicodeEncoding: false });
  }
  return new Uint8Array(writer.addTag());
}

/** Drops an ID3v2 tag at the start of a stream (the file gets ours instead); passes the rest through. */
export function stripLeadingId3(): Transform {
  let head: Buffer | null = Buffer.alloc(0);
  let skip = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (head === null) return done(null, skipBytes(chunk));
      head = Buffer.concat([head, chunk]);
      if (head.length < 10) return done();
      const buffered = head;
      head = null;
      if (buffered.subarray(0, 3).toString('latin1') === 'ID3') {
        const size =
          ((buffered[6]! & 0x7f) << 21) |
          ((buffered[7]! & 0x7f) << 14) |
          ((buffered[8]! & 0x7f) << 7) |
          (buffered[9]! & 0x7f);
        skip = 10 + size + ((buffered[5]! & 0x10) !== 0 ? 10 : 0);
      }
      done(null, skipBytes(buffered));
    },
    flush(done) {
      done(null, head && head.length > 0 ? head : undefined);
    },
  });

  function skipBytes(chunk: Buffer): Buffer | undefined {
    if (skip === 0) return chunk;
    const dropped = Math.min(skip, chunk.length);
    skip -= dropped;
    return dropped === chunk.length ? undefined : chunk.subarray(dropped);
  }
}
