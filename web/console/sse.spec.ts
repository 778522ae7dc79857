import { readEvents } from './sse.js';

/** A body that arrives in these chunks. */
function body(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
}

describe(readEvents.name, () => {
  it.each([
    ['one event', ['data: {"a":1}\n\n'], [{ a: 1 }]],
    ['events split across chunks', ['data: {"a"', ':1}\n', '\ndata: {"b":2}\n\n'], [{ a: 1 }, { b: 2 }]],
    ['CRLF line ends', ['data: {"a":1}\r\n\r\n'], [{ a: 1 }]],
    ['comments and other fields skipped', [': hi\n\nid: 4\nevent: x\ndata: {"a":1}\n\n'], [{ a: 1 }]],
    ['several data lines joined', ['data: {"a":\ndata: 1}\n\n'], [{ a: 1 }]],
    ['an unfinished event at the end dropped', ['data: {"a":1}\n\ndata: {"b"'], [{ a: 1 }]],
  ])('%s', async (_name, chunks, expected) => {
    const got: unknown[] = [];
    await readEvents(body(chunks), (e) => got.push(e));
    expect(got).toEqual(expected);
  });
});
