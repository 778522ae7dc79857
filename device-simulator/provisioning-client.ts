import mqtt, { type IClientOptions } from 'mqtt';
import {
  provisioningTopic,
  type ProvisioningRequest,
  type ProvisioningResponse,
} from '../src/contract/index.js';

export interface ProvisionOptions {
  url: string;
  /** The provisioning key, `pk-0a1b2c3d.…`: its id is the user name, the whole key the password. */
  key: string;
  /** Any id of the session's own (not the device id: the device connects with that right after). */
  clientId: string;
  request: ProvisioningRequest;
  /** CA of the broker's certificate (mqtts://). */
  ca?: Buffer;
  timeoutMs?: number;
}

/**
 * What a device's firmware does once, out of the box: connect with the provisioning
 * key, ask for credentials on its request topic, read the answer on its response
 * topic, disconnect. See docs/mqtt-contract.md, "Provisioning".
 */
export async function provisionOverMqtt(o: ProvisionOptions): Promise<ProvisioningResponse> {
  const keyId = o.key.slice(0, o.key.indexOf('.'));
  const options: IClientOptions = {
    clientId: o.clientId,
    username: keyId,
    password: o.key,
    ca: o.ca,
    protocolVersion: 4,
    reconnectPeriod: 0,
    connectTimeout: o.timeoutMs ?? 15_000,
  };
  const client = mqtt.connect(o.url, options);
  try {
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', reject);
      client.once('close', () => reject(new Error('provisioning connection closed')));
    });
    const responseTopic = provisioningTopic(keyId, o.clientId, 'response');
    const answer = new Promise<ProvisioningResponse>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('no provisioning answer in time')),
        o.timeoutMs ?? 15_000,
      );
      client.on('message', (topic, payload) => {
        if (topic !== responseTopic) return;
        clearTimeout(timer);
        try {
          resolve(JSON.parse(payload.toString('utf8')) as ProvisioningResponse);
        } catch {
          reject(new Error('the provisioning answer is not JSON'));
        }
      });
    });
    // subscribed before asking, so the answer cannot pass by unseen
    const granted = await client.subscribeAsync(responseTopic, { qos: 1 });
    if (granted[0]?.qos === 128) throw new Error('provisioning response topic refused');
    await client.publishAsync(provisioningTopic(keyId, o.clientId, 'request'), JSON.stringify(o.request), {
      qos: 1,
    });
    return await answer;
  } finally {
    await client.endAsync(true);
  }
}
