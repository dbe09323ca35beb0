/**
 * Node's zlib as the package's off-thread inflater (Node only: the CLI). zlib works in libuv's
 * thread pool, so the next piece of a part inflates on the second core while this one is
 * scanned; the stream's backpressure keeps what waits to a few pieces.
 */
import { createInflateRaw } from 'node:zlib';
import type { InflateStream } from './zip';

export const nodeInflate: InflateStream = (raw) => {
  const stream = createInflateRaw({ chunkSize: 1 << 16 });
  stream.end(raw);
  return stream;
};
