/** Server-sent events, read from a fetch body (no DOM: unit-tested in Node). */

/**
 * Parses `text/event-stream`: an event ends at a blank line; its `data:` lines, joined,
 * are JSON; comments and other fields are skipped. Resolves when the stream ends.
 */
export async function readEvents<T>(
  body: ReadableStream<Uint8Array>,
  emit: (event: T) => void,
): Promise<void> {
  const reader = body
    .pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>)
    .getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    for (let end = /\r?\n\r?\n/.exec(buffer); end; end = /\r?\n\r?\n/.exec(buffer)) {
      const block = buffer.slice(0, end.index);
      buffer = buffer.slice(end.index + end[0].length);
      const data = block
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (data) emit(JSON.parse(data) as T);
    }
  }
}
