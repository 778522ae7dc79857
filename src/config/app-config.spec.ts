import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { ConfigError, loadConfig } from './app-config.js';
import { ENV_SCHEMA } from './env.schema.js';

describe('loadConfig', () => {
  it('runs the embedded mode when nothing is set', () => {
    const config = loadConfig({});
    expect(config.mqtt.url).toBeNull();
    expect(config.mqtt.embedded).toMatchObject({ host: '0.0.0.0', port: 1883, wsPort: 8083 });
    expect(config.tls).toBeNull();
    expect(config.security).toMatchObject({ adminKey: null, publicHealth: true, publicMetrics: true });
    expect(config.http.port).toBe(3000);
    expect(config.dataDir).toBe('./data');
  });

  it('coerces numbers and reads an external broker when set', () => {
    const config = loadConfig({ HTTP_PORT: '8080', MQTT_URL: 'mqtt://broker:1883', MQTT_QOS: '0' });
    expect(config.http.port).toBe(8080);
    expect(config.mqtt.url).toBe('mqtt://broker:1883');
    expect(config.mqtt.qos).toBe(0);
    expect(config.mqtt.shareGroup).toBe('fleet-ingest');
  });

  it('lists every bad variable in one error when several are wrong', () => {
    let error: unknown;
    try {
      loadConfig({ HTTP_PORT: 'eighty', MQTT_URL: 'http://x', LOG_LEVEL: 'loud', MQTT_CLIENT_ID: 'ingest' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['HTTP_PORT', 'MQTT_URL', 'LOG_LEVEL', 'MQTT_CLIENT_ID'])
      expect(problems).toContain(name);
    expect((error as ConfigError).message).toContain('"eighty"');
  });

  it('treats an empty typed variable as unset', () => {
    expect(loadConfig({ HTTP_PORT: '' }).http.port).toBe(3000);
  });

  it('turns the WebSocket listener off with -1', () => {
    expect(loadConfig({ MQTT_WS_PORT: '-1' }).mqtt.embedded.wsPort).toBeNull();
  });

  it('reads the prediction horizons, and refuses an alert horizon that is not one of them', () => {
    expect(loadConfig({ PREDICTION_HORIZONS: '30,7,14,7' }).predictions.horizons).toEqual([7, 14, 30]);
    expect(() => loadConfig({ PREDICTION_HORIZONS: '14,30' })).toThrow(/PREDICTION_ALERT_HORIZON_DAYS/);
    expect(() => loadConfig({ PREDICTION_HORIZONS: '7,x' })).toThrow(/PREDICTION_HORIZONS/);
  });

  it('reads TLS files only as a pair', () => {
    expect(loadConfig({ TLS_CERT_FILE: 'c.pem', TLS_KEY_FILE: 'k.pem' }).tls).toEqual({
      certFile: 'c.pem',
      keyFile: 'k.pem',
      clientCaFile: null,
    });
    expect(() => loadConfig({ TLS_CERT_FILE: 'c.pem' })).toThrow(/TLS_CERT_FILE, TLS_KEY_FILE/);
    expect(() => loadConfig({ TLS_CLIENT_CA_FILE: 'ca.pem' })).toThrow(/TLS_CLIENT_CA_FILE/);
  });

  it('refuses a bootstrap key that is too short to be a secret', () => {
    expect(() => loadConfig({ API_ADMIN_KEY: 'admin' })).toThrow(/API_ADMIN_KEY/);
    expect(() => loadConfig({ PROVISIONING_BOOTSTRAP_KEY: 'pk-0a1b2c3d.short' })).toThrow(
      /PROVISIONING_BOOTSTRAP_KEY/,
    );
  });

  it('keeps the records in PGlite unless DATABASE_URL names a PostgreSQL server', () => {
    expect(loadConfig({}).database).toEqual({ url: null, poolSize: 10 });
    const pg = loadConfig({ DATABASE_URL: 'postgres://fleet:pw@db:5432/fleet', DATABASE_POOL_SIZE: '4' });
    expect(pg.database).toEqual({ url: 'postgres://fleet:pw@db:5432/fleet', poolSize: 4 });
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/fleet' })).toThrow(/DATABASE_URL/);
  });

  it('keeps .env.example in step with the schema', () => {
    const example = parseEnv(readFileSync(new URL('../../.env.example', import.meta.url), 'utf8'));
    expect(Object.keys(example).sort()).toEqual(Object.keys(ENV_SCHEMA.properties).sort());
  });
});
