import type {
  BrokerAccessPolicy,
  BrokerSession,
} from '../../src/infrastructure/broker/broker-access.policy.js';

const everything: BrokerSession = {
  identity: 'anyone',
  authorizePublish: () => ({ allowed: true }),
  authorizeSubscribe: () => true,
};

/**
 * Lets every client in with every right. Only for tests of a bare EmbeddedBroker
 * that are about something else (reconnects, buffering); never in the app.
 */
export const openBrokerPolicy: BrokerAccessPolicy = {
  connect: () => Promise.resolve({ ok: true, session: everything }),
};
