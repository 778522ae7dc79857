import { ConfigError, loadConfig } from './config/app-config.js';
import { startApp } from './bootstrap.js';

try {
  const running = await startApp(loadConfig());
  const broker = running.brokerPorts;
  console.log(
    `fleet-telemetry: API ${running.httpUrl} (docs ${running.httpUrl}/docs)` +
      (broker ? `, embedded MQTT on ${broker.mqtt}${broker.ws ? `, WebSocket ${broker.ws}` : ''}` : ''),
  );
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}
