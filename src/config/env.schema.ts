/**
 * Every environment variable the service reads, with its default (the embedded mode)
 * and what it does. `.env.example` lists the same variables; a unit test keeps them in
 * step. `writeOnly` marks a secret: a bad value is never echoed in the error.
 */
export const ENV_SCHEMA = {
  type: 'object',
  additionalProperties: true,
  properties: {
    HTTP_HOST: { type: 'string', default: '0.0.0.0', description: 'Address the HTTP API listens on.' },
    HTTP_PORT: {
      type: 'integer',
      minimum: 0,
      maximum: 65535,
      default: 3000,
      description: 'HTTP API port (0 picks a free one).',
    },
    LOG_LEVEL: {
      enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      default: 'info',
      description: 'Log level.',
    },
    LOG_FORMAT: {
      enum: ['auto', 'json', 'pretty'],
      default: 'auto',
      description:
        'auto: human-readable lines on a terminal, JSON lines when stdout is piped or redirected. json or pretty: always that.',
    },
    DATA_DIR: {
      type: 'string',
      minLength: 1,
      default: './data',
      description:
        'Folder of the embedded stores: the records database (records/, without DATABASE_URL), the SQLite time series, the InfluxDB spool.',
    },
    DATABASE_URL: {
      type: 'string',
      default: '',
      pattern: '^$|^postgres(ql)?://',
      description:
        'PostgreSQL for the records (registry, devices seen, dead letters, KPI state, job leases): postgres://user:password@host:5432/fleet. Shared by every replica. Empty: the embedded PGlite database in DATA_DIR/records.',
    },
    DATABASE_POOL_SIZE: {
      type: 'integer',
      minimum: 1,
      maximum: 1000,
      default: 10,
      description: 'Most connections to DATABASE_URL one service instance opens.',
    },

    MQTT_URL: {
      type: 'string',
      default: '',
      pattern: '^$|^(mqtt|mqtts|ws|wss|tcp)://',
      description: 'External broker (mqtt://host:1883). Empty: start the embedded aedes broker.',
    },
    MQTT_USERNAME: { type: 'string', default: '', description: 'User name at the external broker.' },
    MQTT_PASSWORD: {
      writeOnly: true,
      type: 'string',
      default: '',
      description: 'Password at the external broker.',
    },
    MQTT_CLIENT_ID: {
      type: 'string',
      default: '',
      pattern: '^$|^svc-',
      description:
        'Ingest client id; must start with svc-. Empty: svc-ingest-<hostname> with an external broker (a stable id keeps its persistent session), svc-ingest-<random> embedded.',
    },
    MQTT_SHARE_GROUP: {
      type: 'string',
      default: 'fleet-ingest',
      pattern: '^[A-Za-z0-9_-]*$',
      description:
        'Shared-subscription group for an external broker, so replicas split the stream. Empty: no sharing.',
    },
    MQTT_QOS: { type: 'integer', enum: [0, 1], default: 1, description: 'QoS of the ingest subscriptions.' },
    MQTT_HOST: {
      type: 'string',
      default: '0.0.0.0',
      description: 'Embedded broker: address the MQTT listeners bind to.',
    },
    MQTT_PORT: {
      type: 'integer',
      minimum: -1,
      maximum: 65535,
      default: 1883,
      description:
        'Embedded broker: plain MQTT over TCP port (0 picks a free one, -1 turns it off when TLS is on; the service then talks to its broker on a loopback port).',
    },
    MQTT_WS_PORT: {
      type: 'integer',
      minimum: -1,
      maximum: 65535,
      default: 8083,
      description:
        'Embedded broker: MQTT over WebSocket port for browsers (0 picks a free one, -1 turns it off).',
    },
    MQTT_TLS_PORT: {
      type: 'integer',
      minimum: -1,
      maximum: 65535,
      default: 8883,
      description:
        'Embedded broker: MQTT over TLS port, with TLS_CERT_FILE set (0 picks a free one, -1 turns it off).',
    },
    MQTT_WSS_PORT: {
      type: 'integer',
      minimum: -1,
      maximum: 65535,
      default: 8084,
      description:
        'Embedded broker: MQTT over secure WebSocket port, with TLS_CERT_FILE set (0 picks a free one, -1 turns it off).',
    },
    MQTT_MAX_PACKET_BYTES: {
      type: 'integer',
      minimum: 1024,
      maximum: 268435455,
      default: 524288,
      description:
        'Embedded broker: largest MQTT packet taken, headers included. A larger packet closes the connection as soon as its header is read, before its body is buffered. The default is twice the largest payload ingest takes, so a payload just over that is still dead-lettered with its device.',
    },
    MQTT_CONNECT_TIMEOUT_MS: {
      type: 'integer',
      minimum: 100,
      default: 10000,
      description:
        'Embedded broker: a connection that has not sent CONNECT (or finished its TLS or WebSocket handshake) within this is closed.',
    },
    MQTT_DYNSEC_SYNC: {
      type: 'boolean',
      default: false,
      description:
        'External Mosquitto with dynamic security: keep it in step with device identity live (new credentials, disables, deletions) through its $CONTROL API. MQTT_USERNAME needs the control rights (npm run broker-config -- --sync).',
    },
    MQTT_CA_FILE: {
      type: 'string',
      default: '',
      description:
        'External broker over mqtts:// or wss://: PEM file of the CA its certificate is checked against (empty: the system CAs).',
    },

    TLS_CERT_FILE: {
      type: 'string',
      default: '',
      description:
        'PEM certificate (chain) of the service. With TLS_KEY_FILE: HTTPS on HTTP_PORT, MQTT over TLS and secure WebSocket on the embedded broker.',
    },
    TLS_KEY_FILE: { type: 'string', default: '', description: 'PEM private key of TLS_CERT_FILE.' },
    TLS_CLIENT_CA_FILE: {
      type: 'string',
      default: '',
      description:
        'PEM CA of device certificates: devices may then connect over TLS with a certificate it signed (CN or SAN URI urn:fleet:device:{id} = device id) instead of a password.',
    },

    DEVICE_SECRET_KDF_ITERATIONS: {
      type: 'integer',
      minimum: 10000,
      default: 25000,
      description:
        'PBKDF2-SHA512 iterations of newly stored device, gateway and provisioning-key secrets (each hash keeps its own count). See docs/security.md.',
    },
    PROVISIONING_BOOTSTRAP_KEY: {
      writeOnly: true,
      type: 'string',
      default: '',
      pattern: '^$|^pk-[0-9a-f]{8}\\.[A-Za-z0-9_-]{32,200}$',
      description:
        'A provisioning key (pk-<8 hex digits>.<32+ characters>) made valid at start-up, so devices (the compose simulator) provision themselves with nothing set up by hand. Empty: none.',
    },
    PROVISIONING_BOOTSTRAP_MODELS: {
      type: 'string',
      default: '',
      description: 'Models PROVISIONING_BOOTSTRAP_KEY may provision, comma-separated. Empty: any model.',
    },

    API_ADMIN_KEY: {
      writeOnly: true,
      type: 'string',
      default: '',
      pattern: '^$|^[A-Za-z0-9_-]{32,200}$',
      description:
        'An admin API key (32+ letters, digits, _ or -) made valid at start-up. Empty: on first start with no key at all, one is created and written to DATA_DIR/initial-admin-key (mode 0600).',
    },
    API_PUBLIC_HEALTH: {
      type: 'boolean',
      default: true,
      description: 'Serve /health/* without an API key (probes and load balancers).',
    },
    API_PUBLIC_METRICS: {
      type: 'boolean',
      default: true,
      description: 'Serve /metrics without an API key. false: Prometheus sends a viewer key as bearer token.',
    },
    AUTH_FAILURE_DELAY_MS: {
      type: 'integer',
      minimum: 0,
      default: 200,
      description:
        'Failed authentications (API keys, MQTT, provisioning) from one address are answered this late, doubling with each further failure. 0 turns the slow-down off.',
    },
    AUTH_FAILURE_MAX_DELAY_MS: {
      type: 'integer',
      minimum: 0,
      default: 10000,
      description:
        'Longest hold of a failed authentication; beyond it failures are answered at once with 429.',
    },

    INGEST_MAX_PAYLOAD_BYTES: {
      type: 'integer',
      minimum: 64,
      maximum: 262144,
      default: 262144,
      description: 'Largest MQTT payload accepted; larger ones are dead-lettered.',
    },
    INGEST_MAX_BATCH_ITEMS: {
      type: 'integer',
      minimum: 1,
      maximum: 1000,
      default: 1000,
      description: 'Most samples or events in one batched message.',
    },
    INGEST_MAX_FUTURE_SKEW_MS: {
      type: 'integer',
      minimum: 0,
      default: 900000,
      description: 'How far ahead of the service clock a device timestamp may be.',
    },
    INFLUX_URL: {
      type: 'string',
      default: '',
      pattern: '^$|^https?://',
      description: 'InfluxDB base URL (http://influxdb:8086). Empty: the embedded SQLite time-series store.',
    },
    INFLUX_API: {
      enum: ['v2', 'v1'],
      default: 'v2',
      description:
        'v2: InfluxDB 2.x, 3.x, Cloud and 1.8+ (token, org, bucket). v1: InfluxDB 1.x (database, retention policy, user, password).',
    },
    INFLUX_TOKEN: { writeOnly: true, type: 'string', default: '', description: 'v2: API token.' },
    INFLUX_ORG: { type: 'string', default: '', description: 'v2: organisation.' },
    INFLUX_BUCKET: { type: 'string', default: 'fleet', description: 'v2: bucket written to.' },
    INFLUX_DATABASE: {
      type: 'string',
      default: '',
      description:
        'Database the InfluxQL reads use (v2: the DBRP mapping of the bucket) and v1 writes to. Empty: the bucket name.',
    },
    INFLUX_RETENTION_POLICY: {
      type: 'string',
      default: '',
      description: 'v1: retention policy written to and read from. Empty: the database default.',
    },
    INFLUX_USERNAME: {
      type: 'string',
      default: '',
      description: 'v1: user name (empty: no authentication).',
    },
    INFLUX_PASSWORD: { writeOnly: true, type: 'string', default: '', description: 'v1: password.' },
    INFLUX_TIMEOUT_MS: {
      type: 'integer',
      minimum: 100,
      default: 10000,
      description:
        'Longest an InfluxDB request may take before it counts as failed (and the batch is spooled).',
    },
    INFLUX_BATCH_LINES: {
      type: 'integer',
      minimum: 1,
      default: 5000,
      description: 'Lines per InfluxDB write request.',
    },
    INFLUX_SPOOL_MAX_BYTES: {
      type: 'integer',
      minimum: 1048576,
      default: 1073741824,
      description:
        'Disk spool for batches InfluxDB could not take (in DATA_DIR/influx-spool). When full, ingest is held back (back-pressure) until it drains.',
    },
    WRITE_BATCH_SIZE: {
      type: 'integer',
      minimum: 1,
      default: 50000,
      description:
        'Points and events per store write. Large batches pay off: SQLite writes each touched page once per commit.',
    },
    WRITE_FLUSH_INTERVAL_MS: {
      type: 'integer',
      minimum: 10,
      default: 500,
      description: 'Longest a record waits in the write buffer.',
    },
    WRITE_QUEUE_HIGH_WATER: {
      type: 'integer',
      minimum: 1,
      default: 200000,
      description: 'Buffered records above which ingest stops reading from the broker until writes catch up.',
    },
    DEAD_LETTER_MAX_RECORDS: {
      type: 'integer',
      minimum: 100,
      default: 100000,
      description: 'Dead-letter records kept; older ones are pruned.',
    },
    REGISTRY_REGISTER_FROM_BIRTH: {
      type: 'boolean',
      default: false,
      description:
        'Register a device from its birth message when its model is in the registry. false: list it as unknown until registered.',
    },
    KPI_REFRESH_INTERVAL_MS: {
      type: 'integer',
      minimum: 0,
      default: 60000,
      description:
        'How often the reliability KPIs are brought up to date (incrementally). 0 turns the schedule off.',
    },
    PREDICTION_SCORING_INTERVAL_MS: {
      type: 'integer',
      minimum: 0,
      default: 3600000,
      description:
        'How often failure risk is scored for the devices with new data (and every device once a day). 0 turns the schedule off (POST /api/v1/predictions/score still runs it).',
    },
    PREDICTION_TRAINING_INTERVAL_MS: {
      type: 'integer',
      minimum: 0,
      default: 21600000,
      description:
        'How often the training job checks whether the prediction model is due for a refit (PREDICTION_RETRAIN_DAYS, PREDICTION_RETRAIN_FAILURE_GROWTH). 0 turns the schedule off.',
    },
    PREDICTION_RETRAIN_DAYS: {
      type: 'number',
      exclusiveMinimum: 0,
      default: 7,
      description: 'Refit the prediction model when the latest is this many days old.',
    },
    PREDICTION_RETRAIN_FAILURE_GROWTH: {
      type: 'number',
      exclusiveMinimum: 0,
      default: 0.25,
      description:
        'Refit sooner when the failures recorded since the latest model reach this share of the failures it was trained on.',
    },
    PREDICTION_HORIZONS: {
      type: 'string',
      pattern: '^\\d{1,3}(,\\d{1,3})*$',
      default: '7,14,30',
      description: 'Horizons in days of the failure probabilities (comma-separated).',
    },
    PREDICTION_ALERT_HORIZON_DAYS: {
      type: 'integer',
      minimum: 1,
      default: 7,
      description:
        'The horizon whose threshold raises and clears prediction alerts (one of PREDICTION_HORIZONS).',
    },
    PREDICTION_MISSED_FAILURE_COST: {
      type: 'number',
      exclusiveMinimum: 0,
      default: 10,
      description:
        'What a failure no alert caught costs, in needless visits: the alert thresholds are chosen by this cost.',
    },
    PREDICTION_LOOKBACK_DAYS: {
      type: 'integer',
      minimum: 370,
      default: 400,
      description:
        'Days of events and usage readings scoring keeps per device (at least the year the features count failures over, plus their 30-day windows).',
    },
    PREDICTION_GAUGE_DAYS: {
      type: 'integer',
      minimum: 125,
      default: 130,
      description:
        "Days of gauge aggregates scoring keeps per device (the features read 123 at most: a drift's onset is looked for over 120 days).",
    },
    PREDICTION_TRAINING_MAX_DEVICES: {
      type: 'integer',
      minimum: 1,
      default: 1000,
      description:
        'Most devices a training reads (a fixed sample of the fleet beyond it): training time and memory grow with it.',
    },
    PREDICTION_TRAINING_HISTORY_DAYS: {
      type: 'integer',
      minimum: 30,
      default: 730,
      description: 'Days of history a training reads.',
    },
    PREDICTION_BACKTEST_DAYS: {
      type: 'integer',
      minimum: 7,
      default: 90,
      description:
        'The last days of the training history each recorded model is backtested on (trained before them, scored day by day over them).',
    },
    PRESENCE_OFFLINE_AFTER_INTERVALS: {
      type: 'number',
      minimum: 1,
      default: 3,
      description:
        'A device with no message for this many reporting intervals is marked offline (data brings it back online).',
    },
    PRESENCE_DEFAULT_INTERVAL_MS: {
      type: 'integer',
      minimum: 1000,
      default: 60000,
      description: 'Reporting interval of a device whose birth does not declare one (reportingIntervalMs).',
    },
    PRESENCE_SWEEP_INTERVAL_MS: {
      type: 'integer',
      minimum: 0,
      default: 5000,
      description: 'How often silent devices are looked for; 0 turns the sweep off.',
    },
    JOB_LEASE_MS: {
      type: 'integer',
      minimum: 500,
      default: 30000,
      description:
        'How long a replica keeps a periodic job (KPI refresh, scoring, …) after its last renewal; another replica takes over once it expires. At least twice the job interval is used.',
    },
    WORK_ORDER_SLA_WARRANTY_RESPONSE_HOURS: {
      type: 'number',
      exclusiveMinimum: 0,
      default: 8,
      description: 'Hours from a breakdown or customer call to a technician on site, under warranty.',
    },
    WORK_ORDER_SLA_WARRANTY_RESOLUTION_HOURS: {
      type: 'number',
      exclusiveMinimum: 0,
      default: 24,
      description: 'Hours from a breakdown or customer call to the work done, under warranty.',
    },
    WORK_ORDER_SLA_FULL_SERVICE_RESPONSE_HOURS: {
      type: 'number',
      exclusiveMinimum: 0,
      default: 4,
      description:
        'Hours from a breakdown or customer call to a technician on site, under a full-service contract.',
    },
    WORK_ORDER_SLA_FULL_SERVICE_RESOLUTION_HOURS: {
      type: 'number',
      exclusiveMinimum: 0,
      default: 12,
      description: 'Hours from a breakdown or customer call to the work done, under a full-service contract.',
    },
    WORK_ORDER_SLA_TIME_AND_MATERIALS_RESPONSE_HOURS: {
      type: 'number',
      exclusiveMinimum: 0,
      default: 24,
      description:
        'Hours from a breakdown or customer call to a technician on site, under time and materials.',
    },
    WORK_ORDER_SLA_TIME_AND_MATERIALS_RESOLUTION_HOURS: {
      type: 'number',
      exclusiveMinimum: 0,
      default: 72,
      description: 'Hours from a breakdown or customer call to the work done, under time and materials.',
    },
    WORK_ORDER_SLA_EXPIRED_RESPONSE_HOURS: {
      type: 'number',
      exclusiveMinimum: 0,
      default: 72,
      description:
        'Hours from a breakdown or customer call to a technician on site, with no running contract.',
    },
    WORK_ORDER_SLA_EXPIRED_RESOLUTION_HOURS: {
      type: 'number',
      exclusiveMinimum: 0,
      default: 168,
      description: 'Hours from a breakdown or customer call to the work done, with no running contract.',
    },
    WORK_ORDER_SLA_WARNING_SHARE: {
      type: 'number',
      exclusiveMinimum: 0,
      exclusiveMaximum: 1,
      default: 0.75,
      description: 'Share of the time to an SLA due time after which the warning before a breach is raised.',
    },
    WORK_ORDER_SLA_INTERVAL_MS: {
      type: 'integer',
      minimum: 0,
      default: 60000,
      description:
        'How often the SLA timers run (warnings, breaches, unsent device commands). 0: only on demand.',
    },
    WORK_ORDER_FAULT_DEBOUNCE_MS: {
      type: 'integer',
      minimum: 0,
      default: 600000,
      description:
        'A fault repeating on an open order within this long of its last occurrence only adds to its count: one change event, however much it flaps.',
    },
    WORK_ORDER_SYMPTOM_DAYS: {
      type: 'integer',
      minimum: 1,
      default: 14,
      description: "Days of a device's fault codes a diagnosis reads as symptoms.",
    },
    WORK_ORDER_PM_LEAD_DAYS: {
      type: 'number',
      minimum: 0,
      default: 7,
      description: 'Days before a maintenance plan is due that its order is opened (a plan may set its own).',
    },
    WORK_ORDER_PM_PULL_FORWARD_DAYS: {
      type: 'number',
      minimum: 0,
      default: 30,
      description:
        'A prediction pulls a maintenance plan forward into its proactive order when the plan is due within this many days.',
    },
    WORK_ORDER_PM_INTERVAL_MS: {
      type: 'integer',
      minimum: 0,
      default: 3600000,
      description: 'How often maintenance plans are checked for orders to open. 0: only on demand.',
    },
    WORK_ORDER_LEARN_INTERVAL_MS: {
      type: 'integer',
      minimum: 0,
      default: 86400000,
      description:
        'How often the diagnosis relearns from the service history (which replacement ended which symptoms). 0: only on demand.',
    },
    WEBHOOK_DELIVERY_INTERVAL_MS: {
      type: 'integer',
      minimum: 0,
      default: 5000,
      description:
        'How often the webhook outbox is sent (new deliveries are also sent right after they are written). 0: only on demand.',
    },
    WEBHOOK_TIMEOUT_MS: {
      type: 'integer',
      minimum: 100,
      default: 10000,
      description: 'Longest a receiver may take to answer one delivery before it counts as failed.',
    },
    WEBHOOK_RETRY_BASE_MS: {
      type: 'integer',
      minimum: 1,
      default: 10000,
      description: 'Delay after a failed delivery; it doubles with each further failure (with jitter).',
    },
    WEBHOOK_RETRY_MAX_MS: {
      type: 'integer',
      minimum: 1,
      default: 3600000,
      description: 'Longest delay between two attempts of one delivery.',
    },
    WEBHOOK_MAX_ATTEMPTS: {
      type: 'integer',
      minimum: 1,
      default: 15,
      description: 'Attempts of one delivery before it is given up (kept as dead, listed by the API).',
    },
    WEBHOOK_RETENTION_DAYS: {
      type: 'number',
      minimum: 0,
      default: 14,
      description: 'Days delivered and dead deliveries stay in the outbox for the API.',
    },
    TECHNICIAN_CERT_WARNING_DAYS: {
      type: 'integer',
      minimum: 0,
      default: 30,
      description:
        'Days before a certification expires that technician.certification-expiring is raised (once); dispatch flags the work it would need it for.',
    },
    TECHNICIAN_CERT_INTERVAL_MS: {
      type: 'integer',
      minimum: 0,
      default: 3600000,
      description:
        'How often certifications are checked: warnings, expiries, and suspending a technician who has none left. 0: only on demand.',
    },
    DISPATCH_AUTO_ASSIGN: {
      type: 'boolean',
      default: true,
      description:
        'true: dispatch assigns each new order to the best technician. false: it proposes the top three for a dispatcher to accept.',
    },
    DISPATCH_STRATEGY: {
      enum: ['scored', 'nearest', 'random'],
      default: 'scored',
      description:
        'How dispatch chooses among technicians who pass the hard rules: the weighted score; nearest and random are baselines the benchmark compares it with.',
    },
    DISPATCH_WEIGHT_TRAVEL: {
      type: 'number',
      minimum: 0,
      default: 0.3,
      description: 'Weight of travel distance in the dispatch score (weights are normalised to sum to 1).',
    },
    DISPATCH_WEIGHT_SLA: {
      type: 'number',
      minimum: 0,
      default: 0.25,
      description: 'Weight of arriving early in the SLA window in the dispatch score.',
    },
    DISPATCH_WEIGHT_SKILL: {
      type: 'number',
      minimum: 0,
      default: 0.15,
      description: 'Weight of the skill level for the model and component in the dispatch score.',
    },
    DISPATCH_WEIGHT_RATING: {
      type: 'number',
      minimum: 0,
      default: 0.1,
      description: "Weight of the customer's ratings of the technician in the dispatch score.",
    },
    DISPATCH_WEIGHT_WORKLOAD: {
      type: 'number',
      minimum: 0,
      default: 0.1,
      description: 'Weight of a light day (workload balance) in the dispatch score.',
    },
    DISPATCH_WEIGHT_PARTS: {
      type: 'number',
      minimum: 0,
      default: 0.1,
      description: 'Weight of carrying the diagnosed parts in the dispatch score.',
    },
    DISPATCH_HORIZON_DAYS: {
      type: 'integer',
      minimum: 1,
      maximum: 60,
      default: 7,
      description: 'Days ahead dispatch plans visits in; an order no technician can take within them waits.',
    },
    DISPATCH_SPEED_KMH: {
      type: 'number',
      exclusiveMinimum: 0,
      default: 50,
      description: 'Average driving speed for travel times.',
    },
    DISPATCH_ROAD_FACTOR: {
      type: 'number',
      minimum: 1,
      default: 1.3,
      description: 'Road distance as a multiple of the great-circle (haversine) distance.',
    },
    DISPATCH_TRAVEL_SCALE_KM: {
      type: 'number',
      exclusiveMinimum: 0,
      default: 100,
      description: 'Road km at which the travel term of the score reaches 0.',
    },
    DISPATCH_LATE_WEIGHT: {
      type: 'number',
      minimum: 0,
      default: 10,
      description:
        'Day routes: what a minute on site after a due time costs, in minutes of driving (orders by SLA first, then travel).',
    },
    DISPATCH_INTERVAL_MS: {
      type: 'integer',
      minimum: 0,
      default: 300000,
      description:
        'How often dispatch re-checks the plans against the hard rules and dispatches orders still waiting. 0: only on demand.',
    },
    DISPATCH_RANDOM_SEED: {
      type: 'integer',
      default: 1,
      description: 'Seed of the random baseline strategy.',
    },
    FEEDBACK_LINK_BASE_URL: {
      type: 'string',
      default: 'http://localhost:3000',
      pattern: '^https?://',
      description: 'Where customers open feedback links: {base}/feedback/{token}.',
    },
    FEEDBACK_TOKEN_TTL_DAYS: {
      type: 'number',
      exclusiveMinimum: 0,
      default: 30,
      description: 'Days a feedback link stays usable.',
    },
    FEEDBACK_RATING_PRIOR_MEAN: {
      type: 'number',
      minimum: 1,
      maximum: 5,
      default: 4,
      description: 'The Bayesian prior of ratings: the mean a technician starts from.',
    },
    FEEDBACK_RATING_PRIOR_WEIGHT: {
      type: 'number',
      minimum: 0,
      default: 5,
      description:
        'The Bayesian prior of ratings: how many ratings it weighs as (one vote does not dominate).',
    },
    FEEDBACK_RISK_WINDOW_DAYS: {
      type: 'integer',
      minimum: 1,
      default: 180,
      description: 'Days of ratings and orders the loyalty risk of a customer reads.',
    },
    FEEDBACK_RISK_INTERVAL_MS: {
      type: 'integer',
      minimum: 0,
      default: 86400000,
      description:
        'How often every customer’s loyalty risk is recomputed (it is also after each rating and visit). 0: only on demand.',
    },
    SIGNALS_EVALUATE_INTERVAL_MS: {
      type: 'integer',
      minimum: 0,
      default: 300000,
      description:
        'How often the upsell-signal rules look at the devices with new data since the last run. 0: only on demand.',
    },
    SIGNALS_FULL_SWEEP_INTERVAL_MS: {
      type: 'integer',
      minimum: 60000,
      default: 86400000,
      description:
        'How often the upsell-signal rules look at every device (contracts end and months close without new data).',
    },
    SIGNALS_RULES_FILE: {
      type: 'string',
      default: '',
      description:
        'JSON file of upsell-signal thresholds and prices, for all models and per model (docs/signals.md). Empty: the defaults.',
    },
    API_MAX_POINTS: {
      type: 'integer',
      minimum: 10,
      default: 10000,
      description: 'Most points, windows or rows one API query returns.',
    },
  },
} as const;

export type EnvName = keyof typeof ENV_SCHEMA.properties;
