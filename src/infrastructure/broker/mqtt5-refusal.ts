/** MQTT versions the embedded broker (aedes 1.x) speaks: 3.1 and 3.1.1. */
export const EMBEDDED_BROKER_PROTOCOLS = [3, 4] as const;

/** [MQTT-3.2.2.2] CONNACK reason code 0x84: Unsupported Protocol Version. */
export const UNSUPPORTED_PROTOCOL_VERSION = 0x84;

export const MQTT5_REFUSAL_REASON =
  'This embedded broker speaks MQTT 3.1.1 and 3.1 only: connect with protocol version 4 (3.1.1), ' +
  'or run the service with an external broker that takes MQTT 5 (Mosquitto, EMQX, HiveMQ; MQTT_URL).';

/**
 * An MQTT 5 CONNACK refusing the connection with `reasonCode` and a reason string,
 * so an MQTT 5 client learns why instead of reading a 3.1.1 return code it does not
 * expect. Layout [MQTT-3.2]: fixed header, acknowledge flags, reason code, properties
 * (0x1F reason string, a UTF-8 string with a 2-byte length).
 */
export function mqtt5Connack(reasonCode: number, reasonString: string): Buffer {
  let reason = Buffer.from(reasonString, 'utf8');
  // [MQTT-1.5.4] a UTF-8 string is at most 65,535 bytes
  if (reason.length > 65_535) reason = reason.subarray(0, 65_535);
  const properties = Buffer.concat([Buffer.from([0x1f, reason.length >> 8, reason.length & 0xff]), reason]);
  const body = Buffer.concat([
    Buffer.from([0x00, reasonCode]),
    variableByteInteger(properties.length),
    properties,
  ]);
  return Buffer.concat([Buffer.from([0x20]), variableByteInteger(body.length), body]);
}

/** [MQTT-1.5.5] Variable Byte Integer: 7 bits a byte, high bit set while more follow. */
function variableByteInteger(n: number): Buffer {
  const bytes: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    bytes.push(byte);
  } while (n > 0);
  return Buffer.from(bytes);
}
