import { DEFAULT_DECODER_LIMITS, MessageDecoder } from './message-decoder.js';
import type { DeadLetterReason } from '../ports/records.js';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const TOPIC = 'fleet/v1/dev-1/telemetry';
const json = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));

describe(MessageDecoder.name, () => {
  const decoder = new MessageDecoder();

  it('turns gauges and counters into points when the sample is valid', () => {
    const out = decoder.decode(
      TOPIC,
      json({ ts: NOW - 1000, gauges: { 'fuser.temp_c': 181.5 }, counters: { 'pages.total': 1200 } }),
      NOW,
    );
    expect(out.rejects).toEqual([]);
    expect(out.points).toEqual([
      { deviceId: 'dev-1', metric: 'fuser.temp_c', kind: 'gauge', ts: NOW - 1000, value: 181.5 },
      { deviceId: 'dev-1', metric: 'pages.total', kind: 'counter', ts: NOW - 1000, value: 1200 },
    ]);
  });

  it.each([
    [
      '2026-11-22T10:00:00',
      '/ts "2026-11-22T10:00:00" has no time zone: add Z (UTC) or an offset such as +01:00',
    ],
    ['2026-11-22 10:00', '/ts "2026-11-22 10:00" has no time zone: add Z (UTC) or an offset such as +01:00'],
    ['22/11/2026', '/ts "22/11/2026" is not an RFC 3339 time such as 2026-11-22T08:15:00Z'],
    [true, '/ts must be epoch milliseconds (a number) or an RFC 3339 string, got boolean'],
  ])('says why the timestamp %j is refused', (ts, detail) => {
    const out = new MessageDecoder().decode(TOPIC, json({ ts, gauges: { a: 1 } }), NOW);
    expect(out.rejects).toEqual([expect.objectContaining({ reason: 'schema_violation', detail })]);
  });

  it('accepts RFC 3339 timestamps when they carry a zone', () => {
    const out = decoder.decode(TOPIC, json({ ts: '2026-11-22T11:00:00.250Z', gauges: { a: 1 } }), NOW);
    expect(out.points[0].ts).toBe(Date.UTC(2026, 10, 22, 11, 0, 0, 250));
  });

  it('keeps the good samples of a batch when one sample is bad', () => {
    const out = decoder.decode(
      TOPIC,
      json([
        { ts: NOW - 3, gauges: { a: 1 } },
        { ts: NOW - 2, gauges: { a: 'hot' } },
        { ts: NOW - 1, gauges: { a: 3 } },
      ]),
      NOW,
    );
    expect(out.points.map((p) => p.value)).toEqual([1, 3]);
    expect(out.rejects).toHaveLength(1);
    expect(out.rejects[0]).toMatchObject({ reason: 'schema_violation', deviceId: 'dev-1', topic: TOPIC });
    expect(out.rejects[0].detail).toMatch(/^\[1\] \/gauges\/a/);
  });

  const rejects: Array<[string, string, Buffer, DeadLetterReason]> = [
    ['not JSON', TOPIC, Buffer.from('{"ts": 1, gauges'), 'invalid_json'],
    ['a wrong type', TOPIC, json({ ts: NOW, gauges: { a: '12' } }), 'schema_violation'],
    ['a missing timestamp', TOPIC, json({ gauges: { a: 1 } }), 'schema_violation'],
    ['no metrics at all', TOPIC, json({ ts: NOW }), 'schema_violation'],
    ['an unknown field', TOPIC, json({ ts: NOW, gauges: { a: 1 }, extra: 1 }), 'schema_violation'],
    ['a bad metric name', TOPIC, json({ ts: NOW, gauges: { 'Bad Name': 1 } }), 'schema_violation'],
    ['Infinity', TOPIC, Buffer.from(`{"ts":${NOW},"gauges":{"a":1e999}}`), 'non_finite_number'],
    ['NaN as a bare word', TOPIC, Buffer.from(`{"ts":${NOW},"gauges":{"a":NaN}}`), 'invalid_json'],
    [
      'a timestamp before 2000',
      TOPIC,
      json({ ts: Date.UTC(1999, 11, 31), gauges: { a: 1 } }),
      'timestamp_out_of_range',
    ],
    [
      'a timestamp far in the future',
      TOPIC,
      json({ ts: NOW + 3_600_000, gauges: { a: 1 } }),
      'timestamp_out_of_range',
    ],
    ['a date without a zone', TOPIC, json({ ts: '2026-11-22 10:00', gauges: { a: 1 } }), 'schema_violation'],
    ['an empty batch', TOPIC, json([]), 'schema_violation'],
    [
      'an unknown topic shape',
      'fleet/v1/dev-1/telemetry/extra',
      json({ ts: NOW, gauges: { a: 1 } }),
      'unknown_topic',
    ],
    ['an unknown kind', 'fleet/v1/dev-1/logs', json({ ts: NOW, gauges: { a: 1 } }), 'unknown_topic'],
    ['another version', 'fleet/v9/dev-1/telemetry', json({ ts: NOW, gauges: { a: 1 } }), 'unknown_topic'],
    [
      'another device in the payload',
      TOPIC,
      json({ ts: NOW, deviceId: 'dev-2', gauges: { a: 1 } }),
      'device_mismatch',
    ],
    [
      'a fault without a code',
      'fleet/v1/dev-1/events',
      json({ ts: NOW, type: 'fault.raised', severity: 'minor' }),
      'schema_violation',
    ],
    [
      'a fault without severity',
      'fleet/v1/dev-1/events',
      json({ ts: NOW, type: 'fault.raised', code: 'J1' }),
      'schema_violation',
    ],
    [
      'a part without component',
      'fleet/v1/dev-1/events',
      json({ ts: NOW, type: 'part.replaced' }),
      'schema_violation',
    ],
    [
      'an unknown event type',
      'fleet/v1/dev-1/events',
      json({ ts: NOW, type: 'exploded' }),
      'schema_violation',
    ],
    [
      'a birth without model',
      'fleet/v1/dev-1/status',
      json({ ts: NOW, state: 'online' }),
      'schema_violation',
    ],
    ['an unknown state', 'fleet/v1/dev-1/status', json({ state: 'sleeping' }), 'schema_violation'],
  ];

  it.each(rejects)('dead-letters %s', (_name, topic, payload, reason) => {
    const out = decoder.decode(topic, payload, NOW);
    expect(out.points).toEqual([]);
    expect(out.events).toEqual([]);
    expect(out.status).toBeNull();
    expect(out.rejects).toHaveLength(1);
    expect(out.rejects[0].reason).toBe(reason);
    expect(out.rejects[0].topic).toBe(topic);
  });

  it('dead-letters an oversize payload without parsing it', () => {
    const small = new MessageDecoder({ ...DEFAULT_DECODER_LIMITS, maxPayloadBytes: 100 });
    const payload = json({ ts: NOW, gauges: { a: 1 }, pad: 'x'.repeat(200) });
    const out = small.decode(TOPIC, payload, NOW);
    expect(out.rejects[0]).toMatchObject({ reason: 'payload_too_large', payloadBytes: payload.length });
  });

  it('truncates the payload kept in the dead letter', () => {
    const tiny = new MessageDecoder({ ...DEFAULT_DECODER_LIMITS, deadLetterPayloadBytes: 10 });
    const out = tiny.decode(TOPIC, Buffer.from('not json at all, and long'), NOW);
    expect(out.rejects[0].payload).toBe('not json a');
  });

  it('rejects a batch over the item limit as a whole', () => {
    const small = new MessageDecoder({ ...DEFAULT_DECODER_LIMITS, maxBatchItems: 2 });
    const out = small.decode(TOPIC, json([1, 2, 3].map((v) => ({ ts: NOW, gauges: { a: v } }))), NOW);
    expect(out.points).toEqual([]);
    expect(out.rejects[0].detail).toMatch(/batch of 3 items/);
  });

  it('decodes fault events with their diagnosis fields', () => {
    const out = decoder.decode(
      'fleet/v1/dev-1/events',
      json({ ts: NOW, type: 'fault.raised', code: 'IQ-204', component: 'pickup_roller', severity: 'major' }),
      NOW,
    );
    expect(out.events).toEqual([
      {
        deviceId: 'dev-1',
        ts: NOW,
        type: 'fault.raised',
        code: 'IQ-204',
        component: 'pickup_roller',
        severity: 'major',
      },
    ]);
  });

  it('stamps a last will with the receive time when it has none', () => {
    const out = decoder.decode('fleet/v1/dev-1/status', json({ state: 'offline' }), NOW);
    expect(out.status).toEqual({ deviceId: 'dev-1', state: 'offline', ts: NOW });
  });

  it('reads model and firmware from a birth message', () => {
    const out = decoder.decode(
      'fleet/v1/dev-1/status',
      json({ ts: NOW - 5, state: 'online', model: 'MFP-C300', firmware: '2.4.1' }),
      NOW,
    );
    expect(out.status).toEqual({
      deviceId: 'dev-1',
      state: 'online',
      ts: NOW - 5,
      model: 'MFP-C300',
      firmware: '2.4.1',
    });
  });
});

describe('MessageDecoder topics', () => {
  const decoder = new MessageDecoder();

  it('ignores platform commands when the wildcard subscription delivers them', () => {
    const out = decoder.decode('fleet/v1/dev-1/commands', Buffer.from('{}'), NOW);
    expect(out).toEqual({ kind: null, deviceId: null, points: [], events: [], status: null, rejects: [] });
  });

  it.each([
    ['fleet/v1/dev-1/telemetry/x', 'dev-1', '5 topic levels, expected 4'],
    ['fleet/v1/dev-1/logs', 'dev-1', 'unknown message kind "logs"'],
    ['fleet/v9/dev-1/telemetry', 'dev-1', 'contract version "v9" is not served'],
    ['fleet/v1/bad id!/telemetry', 'bad id!', 'the device id "bad id!" in the topic is invalid'],
    ['fleet/v1//telemetry', undefined, 'the topic has no device id'],
    ['fleet/status', undefined, 'topic must be fleet/v1/{deviceId}/{telemetry|events|status}'],
  ])(
    'names the device of the malformed topic %s in its dead letter, and says what is wrong',
    (topic, deviceId, detail) => {
      const out = decoder.decode(topic, Buffer.from('{}'), NOW);
      expect(out.rejects).toHaveLength(1);
      expect(out.rejects[0].reason).toBe('unknown_topic');
      expect(out.rejects[0].deviceId).toBe(deviceId);
      expect(out.rejects[0].detail).toContain(detail);
    },
  );
});
