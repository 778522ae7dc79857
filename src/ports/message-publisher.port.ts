/**
 * Publishes a message on the MQTT broker (embedded or external) as the service:
 * alarm notifications and the like. Implemented over MQTT in infrastructure/broker;
 * features never import an MQTT client.
 */
export interface MessagePublisher {
  /** Resolves once the broker has the message (QoS 1), rejects when it could not be handed over in time. */
  publish(topic: string, payload: string): Promise<void>;
}

export const MESSAGE_PUBLISHER = Symbol('MessagePublisher');
