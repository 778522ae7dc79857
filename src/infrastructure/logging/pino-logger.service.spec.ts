import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { pino } from 'pino';
import { PinoLoggerService } from './pino-logger.service.js';

function capture(): { lines: Array<Record<string, unknown>>; service: PinoLoggerService } {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, service: new PinoLoggerService(pino({ level: 'info' }, sink)) };
}

describe(PinoLoggerService.name, () => {
  it('writes fields, message and context as one JSON line when given an object', () => {
    const { lines, service } = capture();
    service.error({ deviceId: 'd1', topic: 'fleet/v1/d1/telemetry' }, 'store write failed', 'IngestService');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        deviceId: 'd1',
        topic: 'fleet/v1/d1/telemetry',
        context: 'IngestService',
        msg: 'store write failed',
      }),
    ]);
  });

  it('keeps plain messages and serialises errors', () => {
    const { lines, service } = capture();
    service.log('listening', 'Bootstrap');
    service.warn(new Error('boom'));
    expect(lines[0]).toMatchObject({ level: 30, msg: 'listening', context: 'Bootstrap' });
    expect(lines[1]).toMatchObject({ level: 40, msg: 'boom' });
    expect(lines[1].err).toMatchObject({ message: 'boom', type: 'Error' });
  });

  it('drops levels below the configured one', () => {
    const { lines, service } = capture();
    service.debug('noise');
    expect(lines).toEqual([]);
  });

  it('serves as the logger behind Nest loggers', () => {
    const { lines, service } = capture();
    Logger.overrideLogger(service);
    new Logger('Feature').log({ count: 3 }, 'done');
    Logger.overrideLogger(false);
    expect(lines.at(-1)).toMatchObject({ count: 3, msg: 'done', context: 'Feature' });
  });

  it("moves Nest's start-up chatter (a line per module and route) to debug", () => {
    const { lines, service } = capture();
    service.log('Mapped {/api/v1/devices, GET} route', 'RouterExplorer');
    service.log('DevicesModule dependencies initialized', 'InstanceLoader');
    service.log('embedded MQTT broker listening', 'BrokerService');
    expect(lines.map((l) => l.msg)).toEqual(['embedded MQTT broker listening']);
  });
});
