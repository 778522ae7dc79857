import type { PeerCertificate, TLSSocket } from 'node:tls';
import type { PresentedCertificate } from './broker-access.policy.js';

/** SAN URI naming a device: `urn:fleet:device:{deviceId}`. */
export const DEVICE_URI_PREFIX = 'urn:fleet:device:';

/**
 * The device a client certificate names: a SAN `URI:urn:fleet:device:{id}` when there
 * is one (RFC 6125 prefers SANs), else the subject CN. Which id is valid is for the
 * policy to say; this only reads.
 */
export function certificateDeviceId(
  cert: Pick<PeerCertificate, 'subject' | 'subjectaltname'>,
): string | null {
  for (const entry of (cert.subjectaltname ?? '').split(/,\s*/)) {
    if (entry.startsWith(`URI:${DEVICE_URI_PREFIX}`)) return entry.slice(4 + DEVICE_URI_PREFIX.length);
  }
  const cn = cert.subject?.CN;
  return typeof cn === 'string' ? cn : null;
}

/** What a TLS socket's peer presented, or null when it sent no certificate. */
export function presentedCertificate(socket: TLSSocket): PresentedCertificate | null {
  const cert = socket.getPeerCertificate();
  if (!cert || !cert.raw) return null;
  return {
    authorized: socket.authorized,
    deviceId: certificateDeviceId(cert),
    fingerprint: cert.fingerprint256.replace(/:/g, '').toLowerCase(),
  };
}
