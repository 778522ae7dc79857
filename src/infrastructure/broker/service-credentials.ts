import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SERVICE_CLIENT_PREFIX } from '../../contract/index.js';

/**
 * The platform's own credential on its embedded broker: the ingest client and the
 * provisioning responder connect with it. Random for each process and never stored,
 * so nothing outside the process can know it. With an external broker the service
 * connects with MQTT_USERNAME and MQTT_PASSWORD instead.
 */
@Injectable()
export class ServiceCredentials {
  readonly username = `${SERVICE_CLIENT_PREFIX}platform`;
  readonly password = randomBytes(32).toString('base64url');
  private readonly secret = Buffer.from(this.password);

  matches(username: string | undefined, password: Buffer | undefined): boolean {
    return (
      username === this.username &&
      password !== undefined &&
      password.length === this.secret.length &&
      timingSafeEqual(password, this.secret)
    );
  }
}
