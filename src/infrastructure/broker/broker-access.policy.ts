/** Why the broker refused something: the label of `fleet_mqtt_refused_total`. */
export const MQTT_REFUSAL_REASONS = [
  'no_credentials',
  'bad_credentials',
  'disabled',
  'invalid_client_id',
  'invalid_username',
  'client_id_mismatch',
  'client_id_in_use',
  'certificate_invalid',
  'will_not_allowed',
  'too_many_failures',
  'publish_denied',
  'subscribe_denied',
  'packet_too_large',
  'malformed_packet',
  'connect_timeout',
  'auth_unavailable',
] as const;
export type MqttRefusalReason = (typeof MQTT_REFUSAL_REASONS)[number];

export type PublishDecision = { allowed: true } | { allowed: false; deviceId?: string; detail: string };

/** A TLS client certificate the connection presented. */
export interface PresentedCertificate {
  /** The listener's client CA signed it (and it is in date). */
  authorized: boolean;
  /** The device id it names: SAN URI `urn:fleet:device:{id}`, else the subject CN; null when neither. */
  deviceId: string | null;
  /** SHA-256 of the DER certificate, hex, lower case. */
  fingerprint: string;
}

/** What the broker knows of a client when its CONNECT arrives. */
export interface ConnectAttempt {
  clientId: string;
  username: string | undefined;
  password: Buffer | undefined;
  /** Present on TLS listeners when the client sent a certificate. */
  certificate: PresentedCertificate | null;
  /** The topic of the last will it asks for, if any: a will is a publish like any other. */
  willTopic: string | undefined;
  /** Address the connection came from (failed attempts are slowed down per address). */
  remoteAddress: string;
}

export type ConnectOutcome =
  | { ok: true; session: BrokerSession }
  | {
      ok: false;
      reason: MqttRefusalReason;
      /** MQTT 3.1.1 CONNACK return code [MQTT-3.2.2-5]. */
      returnCode: 2 | 3 | 4 | 5;
    };

/** One authenticated connection's rights. */
export interface BrokerSession {
  /**
   * Who this is (`device:dev-1`). A client id in use by one identity is refused to
   * any other; the same identity reconnecting takes its session over, as MQTT says.
   */
  readonly identity: string;
  authorizePublish(topic: string): PublishDecision | Promise<PublishDecision>;
  authorizeSubscribe(topicFilter: string): boolean | Promise<boolean>;
}

/**
 * Who may connect, publish and subscribe on the embedded broker. Implemented by the
 * device-identity feature (credentials, certificates, provisioning keys, topic ACL);
 * the broker only asks. A refused attempt may take a while to answer: failures are
 * slowed down by the policy.
 */
export interface BrokerAccessPolicy {
  connect(attempt: ConnectAttempt): Promise<ConnectOutcome>;
}

export const BROKER_ACCESS_POLICY = Symbol('BrokerAccessPolicy');
