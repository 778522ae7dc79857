import { ownedDeviceId, parseDeviceTopic, TOPIC_ROOT } from '../../contract/index.js';

export type PublishDecision = { allowed: true } | { allowed: false; deviceId?: string; detail: string };

/**
 * Who may connect, publish and subscribe on the embedded broker. The default lets
 * everyone connect and subscribe, and lets a device publish only under its own
 * topics: the same rule as a Mosquitto ACL `pattern write fleet/v1/%c/#`.
 * Device credentials replace `authenticate` in a later issue.
 */
export interface BrokerAccessPolicy {
  authenticate(
    clientId: string,
    username: string | undefined,
    password: Buffer | undefined,
  ): Promise<boolean>;
  authorizePublish(clientId: string, topic: string): PublishDecision;
  authorizeSubscribe(clientId: string, topicFilter: string): boolean;
}

export const ownTopicsPolicy: BrokerAccessPolicy = {
  authenticate: () => Promise.resolve(true),

  authorizePublish(clientId, topic) {
    if (topic.startsWith('$SYS/')) return { allowed: false, detail: '$SYS topics are reserved' };
    if (!topic.startsWith(`${TOPIC_ROOT}/`)) return { allowed: true };
    const owner = ownedDeviceId(clientId);
    const target = parseDeviceTopic(topic);
    if (owner === null || target === null || target.deviceId === owner) return { allowed: true };
    return {
      allowed: false,
      deviceId: target.deviceId,
      detail: `client ${clientId.slice(0, 64)} published on the topic of device ${target.deviceId}`,
    };
  },

  authorizeSubscribe: () => true,
};
