// Worker thread that owns the write connection of a SQLite time-series file, so
// batch inserts never block the event loop that runs the broker and ingest.
// Plain CommonJS: it runs as is under the tests (TypeScript sources) and from dist/.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);

const { file, sql, chunk } = workerData;
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -65536');

const insertOne = db.prepare(sql.insertOne);
const insertChunk = db.prepare(sql.insertChunk);
const upsertSeries = db.prepare(sql.upsertSeries);
const insertEvent = db.prepare(sql.insertEvent);
/** "device\0metric" → { id, kind } */
const seriesIds = new Map();

function seriesId(device, metric, kind) {
  const key = device + '\u0000' + metric;
  const known = seriesIds.get(key);
  if (known && known.kind === kind) return known.id;
  const { id } = upsertSeries.get(device, metric, kind);
  seriesIds.set(key, { id, kind });
  return id;
}

// packed: Float64Array of [deviceIndex, metricIndex, kind, ts, value] per point
const write = db.transaction((devices, metrics, packed, events) => {
  const n = packed.length / 5;
  // series resolved once per (device, metric) pair of the batch, not per point
  const pairIds = new Map();
  const idOf = (k) => {
    const pair = packed[k] * metrics.length + packed[k + 1];
    let id = pairIds.get(pair);
    if (id === undefined) {
      id = seriesId(devices[packed[k]], metrics[packed[k + 1]], packed[k + 2]);
      pairIds.set(pair, id);
    }
    return id;
  };
  const params = new Array(chunk * 3);
  let i = 0;
  for (; i + chunk <= n; i += chunk) {
    for (let j = 0; j < chunk; j++) {
      const k = (i + j) * 5;
      params[j * 3] = idOf(k);
      params[j * 3 + 1] = packed[k + 3];
      params[j * 3 + 2] = packed[k + 4];
    }
    insertChunk.run(params);
  }
  for (; i < n; i++) {
    const k = i * 5;
    insertOne.run(idOf(k), packed[k + 3], packed[k + 4]);
  }
  for (const e of events) {
    insertEvent.run(
      e.deviceId,
      e.ts,
      e.type,
      e.code ?? '',
      e.component ?? '',
      e.severity ?? null,
      e.visitId ?? null,
      e.note ?? null,
    );
  }
});

parentPort.on('message', (msg) => {
  if (msg.type === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    write(msg.devices, msg.metrics, msg.packed, msg.events);
    parentPort.postMessage({ id: msg.id, ok: true });
  } catch (err) {
    parentPort.postMessage({ id: msg.id, ok: false, error: String((err && err.message) || err) });
  }
});
