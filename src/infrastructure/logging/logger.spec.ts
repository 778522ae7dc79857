import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger, httpAccessLog, usePretty, type LogFormat } from './logger.js';

describe(usePretty.name, () => {
  it.each<[LogFormat, boolean, boolean]>([
    ['auto', true, true],
    ['auto', false, false],
    ['json', true, false],
    ['pretty', false, true],
  ])('LOG_FORMAT=%s on a terminal=%s: pretty=%s', (format, tty, pretty) => {
    expect(usePretty(format, tty)).toBe(pretty);
  });
});

describe(httpAccessLog.name, () => {
  it('logs one line per request with method, URL and status, and never a header', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = httpAccessLog(createLogger('info', 'json', sink));
    const server = createServer((req, res) => {
      log(req, res);
      res.statusCode = 204;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/api/v1/devices?limit=5`, {
      headers: { authorization: 'Bearer s3cret-token', cookie: 'session=s3cret-cookie', 'x-custom': 'hello' },
    });
    await fetch(`http://127.0.0.1:${port}/health/live`);
    server.close();
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(entry).toMatchObject({
      req: { method: 'GET', url: '/api/v1/devices?limit=5' },
      res: { statusCode: 204 },
      msg: expect.stringMatching(/^GET \/api\/v1\/devices\?limit=5 204 \d+ ms$/) as string,
    });
    expect(lines[0]).not.toMatch(/s3cret|authorization|cookie|x-custom|headers/i);
  });
});
