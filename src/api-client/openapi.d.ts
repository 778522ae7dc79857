// Generated from the OpenAPI document by `npm run api:types` (openapi-typescript). Do not edit.

export interface paths {
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every API key: name, role, prefix, expiry, revocation, last use (never the key) */
        get: operations["ApiKeysController_list"];
        put?: never;
        /** A new key with a role; the key is shown once, in this answer */
        post: operations["ApiKeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke: the key stops working at once (the record stays, for the audit log) */
        delete: operations["ApiKeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new key for the same record; the old key stops working at once */
        post: operations["ApiKeysController_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every write, newest first: who (key), what (method and route), when, and the outcome */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Devices and gateways with broker credentials, by id (never a secret or its hash) */
        get: operations["CredentialsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credentials/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One device or gateway */
        get: operations["CredentialsController_get"];
        put?: never;
        post?: never;
        /** Delete the credentials; the live session is dropped at once */
        delete: operations["CredentialsController_remove"];
        options?: never;
        head?: never;
        /** enabled: false drops the live session at once and refuses the next; devices/customerId change a gateway (its session restarts) */
        patch: operations["CredentialsController_patch"];
        trace?: never;
    };
    "/api/v1/credentials/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new secret, shown once; the old one stops working and the live session is dropped */
        post: operations["CredentialsController_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credentials/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Credentials for a device: user name = device id and a new secret, shown once. certificateOnly: a client certificate instead; 409 when it has some */
        post: operations["CredentialsController_createDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credentials/gateways": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A gateway (id gw-…) that publishes for the devices listed and/or every device of a customer */
        post: operations["CredentialsController_createGateway"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rejected input, newest first, with reason, topic and truncated payload */
        get: operations["DeadLetterController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Devices seen on MQTT: last seen, online or offline, registered or unknown */
        get: operations["DevicesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{deviceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One device seen on MQTT */
        get: operations["DevicesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{deviceId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Events of one device */
        get: operations["TelemetryController_deviceEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{deviceId}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Metric names a device has reported */
        get: operations["TelemetryController_metricNames"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{deviceId}/telemetry/{metric}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Telemetry of one metric of one device: raw points, or aggregated into windows */
        get: operations["TelemetryController_series"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Events of the fleet, or of one device with deviceId */
        get: operations["TelemetryController_fleetEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/history/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import past events and telemetry from a CSV export (streamed). Idempotent; bad rows are reported by line and the good ones kept. Mapping format: docs/history-import.md */
        post: operations["HistoryImportController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** MTBF, MTTR, availability, MCBF and failure counts of a scope over a window of whole hours; with interval, the trend over consecutive days, weeks or months in a time zone. Definitions: docs/kpis.md */
        get: operations["KpiController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kpis/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bring the KPI ledger up to date now (it also runs on a schedule); rebuild=true recomputes all history. Answers the run summary, or 202 with a job to poll (Location) when the run outlasts wait ms */
        post: operations["KpiController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kpis/refresh/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A KPI refresh job: running, succeeded (with its summary) or failed (with why) */
        get: operations["KpiController_job"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Preventive-maintenance plans, by id; one model with modelId */
        get: operations["MaintenancePlansController_list"];
        /** Create or replace a plan: every N days or months and/or every N pages or run hours, whichever first; orders open leadDays ahead */
        put: operations["MaintenancePlansController_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance-plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One plan */
        get: operations["MaintenancePlansController_get"];
        put?: never;
        post?: never;
        /** Delete a plan and every device’s progress on it */
        delete: operations["MaintenancePlansController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance-plans/{id}/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every device of the plan's model: last done (actual completion), usage, next due and why */
        get: operations["MaintenancePlansController_devices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/predictions/devices/{deviceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A device's components: failure risk per horizon, remaining life, evidence, reasons, and the risk series over [from, to) (default the last 90 days) */
        get: operations["PredictionsController_device"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/predictions/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Trained prediction models, newest first, with their backtest figures against the baselines */
        get: operations["PredictionsController_models"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/predictions/models/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One trained prediction model: its data, thresholds and backtest figures */
        get: operations["PredictionsController_model"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/predictions/risk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The fleet ranked by failure risk: device × component, highest probability within the horizon first; filters by model, customer, site, component and alert. Definitions: docs/predictions.md */
        get: operations["PredictionsController_ranking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/predictions/score": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Score failure risk now (it also runs on a schedule); answers the run summary */
        post: operations["PredictionsController_score"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/predictions/train": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Train the prediction model now from the fleet history and record it (the job refits it when due); answers the run, or 202 when it outlasts wait ms (it goes on: see GET /api/v1/predictions/models) */
        post: operations["PredictionsController_train"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/provisioning": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new device obtains its own credentials with a provisioning key (Authorization: Bearer pk-….…): its user name and password, shown once. A refusal says why in `reason`. */
        post: operations["ProvisioningController_provision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/provisioning-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every provisioning key: scope, limits, use, expiry (never the key) */
        get: operations["ProvisioningKeysController_list"];
        put?: never;
        /** A key per model (models) or per customer (customerId) that lets new devices obtain credentials; shown once */
        post: operations["ProvisioningKeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/provisioning-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke: no device provisions with it any more; its open provisioning sessions are dropped */
        delete: operations["ProvisioningKeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List customers, by id; filter by reference */
        get: operations["RegistryCustomersController_list"];
        put?: never;
        /** Register a customer; 409 when the id exists */
        post: operations["RegistryCustomersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One customer */
        get: operations["RegistryCustomersController_get"];
        /** Create or replace a customer */
        put: operations["RegistryCustomersController_replace"];
        post?: never;
        /** Delete a customer; 409 while other records reference it */
        delete: operations["RegistryCustomersController_remove"];
        options?: never;
        head?: never;
        /** Change some fields of a customer; null removes an optional field */
        patch: operations["RegistryCustomersController_update"];
        trace?: never;
    };
    "/api/v1/registry/customers/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bulk import (upsert) of customers: a JSON array, or CSV (text/csv, streamed) with a header of field names or a column mapping (docs/history-import.md). Bad rows are reported with their line and reason; the good ones are kept. */
        post: operations["RegistryCustomersController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List devices, by id; filter by reference */
        get: operations["RegistryDevicesController_list"];
        put?: never;
        /** Register a device; 409 when the id exists */
        post: operations["RegistryDevicesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One device */
        get: operations["RegistryDevicesController_get"];
        /** Create or replace a device */
        put: operations["RegistryDevicesController_replace"];
        post?: never;
        /** Delete a device; 409 while other records reference it */
        delete: operations["RegistryDevicesController_remove"];
        options?: never;
        head?: never;
        /** Change some fields of a device; null removes an optional field */
        patch: operations["RegistryDevicesController_update"];
        trace?: never;
    };
    "/api/v1/registry/devices/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bulk import (upsert) of devices: a JSON array, or CSV (text/csv, streamed) with a header of field names or a column mapping (docs/history-import.md). Bad rows are reported with their line and reason; the good ones are kept. */
        post: operations["RegistryDevicesController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List models, by id; filter by reference */
        get: operations["RegistryModelsController_list"];
        put?: never;
        /** Register a model; 409 when the id exists */
        post: operations["RegistryModelsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/models/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One model */
        get: operations["RegistryModelsController_get"];
        /** Create or replace a model */
        put: operations["RegistryModelsController_replace"];
        post?: never;
        /** Delete a model; 409 while other records reference it */
        delete: operations["RegistryModelsController_remove"];
        options?: never;
        head?: never;
        /** Change some fields of a model; null removes an optional field */
        patch: operations["RegistryModelsController_update"];
        trace?: never;
    };
    "/api/v1/registry/models/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bulk import (upsert) of models: a JSON array, or CSV (text/csv, streamed) with a header of field names or a column mapping (docs/history-import.md). Bad rows are reported with their line and reason; the good ones are kept. */
        post: operations["RegistryModelsController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List sites, by id; filter by reference */
        get: operations["RegistrySitesController_list"];
        put?: never;
        /** Register a site; 409 when the id exists */
        post: operations["RegistrySitesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/sites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One site */
        get: operations["RegistrySitesController_get"];
        /** Create or replace a site */
        put: operations["RegistrySitesController_replace"];
        post?: never;
        /** Delete a site; 409 while other records reference it */
        delete: operations["RegistrySitesController_remove"];
        options?: never;
        head?: never;
        /** Change some fields of a site; null removes an optional field */
        patch: operations["RegistrySitesController_update"];
        trace?: never;
    };
    "/api/v1/registry/sites/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bulk import (upsert) of sites: a JSON array, or CSV (text/csv, streamed) with a header of field names or a column mapping (docs/history-import.md). Bad rows are reported with their line and reason; the good ones are kept. */
        post: operations["RegistrySitesController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The outbox, newest first: pending (with the next attempt), delivered, dead */
        get: operations["WebhooksController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every subscription (without secrets) */
        get: operations["WebhooksController_list"];
        put?: never;
        /** Subscribe a URL to events (work-order.created, work-order.*, *): signed POSTs, retried until taken. The secret is shown in this answer only. */
        post: operations["WebhooksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One subscription (without its secret) */
        get: operations["WebhooksController_get"];
        put?: never;
        post?: never;
        /** Unsubscribe; its undelivered deliveries are dropped */
        delete: operations["WebhooksController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Work orders, newest first; filters combine; format=csv exports the page */
        get: operations["WorkOrdersController_list"];
        put?: never;
        /** Open an order by hand: a customer's request (its words are diagnosed; it joins the open order of the part they point to) or an installation */
        post: operations["WorkOrdersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One order with its diagnosis, evidence, SLA, billing and full history */
        get: operations["WorkOrdersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a note to the history */
        post: operations["WorkOrdersController_note"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the order (new, scheduled, assigned, en-route, in-progress, on-hold, completed, cannot-complete, closed, cancelled); 409 with the reason when not allowed. Completing sends the maintenance commands to the device. */
        post: operations["WorkOrdersController_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders/diagnose": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Diagnose a device now from its recent faults, its gauges and the customer's words, without opening an order */
        post: operations["WorkOrdersController_diagnose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: connected to the broker, the store and the records database answer (503 otherwise) */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Every error answer; some add details (e.g. `windows`, `max`, `report`). */
        ApiError: {
            /**
             * @description Stable code: branch on it, not on the message
             * @enum {string}
             */
            error: "invalid_argument" | "not_found" | "conflict" | "payload_too_large" | "unsupported_media_type" | "result_too_large" | "unavailable" | "unauthenticated" | "forbidden" | "too_many_requests" | "internal";
            /** @description What is wrong and, where it helps, what to do */
            message: string;
        };
        ApiKey: {
            /** @description Epoch milliseconds. */
            createdAt: number;
            createdBy: string;
            expiresAt: number | null;
            /** @description `key-` and 8 hex digits: how the audit log names the key. */
            id: string;
            lastUsedAt: number | null;
            name: string;
            /** @description The first characters of the key, to tell keys apart. */
            prefix: string;
            revokedAt: number | null;
            /** @enum {string} */
            role: "viewer" | "analyst" | "operator" | "provisioner" | "admin";
        };
        AuditEntry: {
            /** @description What: method and route (`DELETE /api/v1/registry/:collection/:id`). */
            action: string;
            /** @description Who: api-key:key-…, provisioning-key:pk-…, cli:user */
            actor: string;
            actorName: string | null;
            /** @description When the write was made. */
            at: number;
            id: number;
            role: string | null;
            source: string | null;
            /** @description How it ended: the HTTP status. */
            status: number;
            target: string | null;
        };
        AuditPage: {
            data: components["schemas"]["AuditEntry"][];
            nextCursor: string | null;
        };
        ComponentPrediction: {
            alert: boolean;
            alertHorizonDays: number | null;
            alertSince: number | null;
            basis: ("condition-and-life" | "life") | null;
            component: string;
            evidence: string[];
            /** @description The risk series over [from, to), oldest first. */
            history: {
                alert: boolean;
                probabilities: {
                    horizonDays: number;
                    probability: number;
                }[];
                remainingDays: number | null;
                /** @description Scoring time. */
                ts: number;
            }[];
            /** @description Why the answer is what it is. */
            reasons: string[];
            remainingDays: number | null;
            remainingUsage: number | null;
            risk: {
                /** @description At or above this horizon's threshold. */
                alert: boolean;
                horizonDays: number;
                probability: number;
            }[];
            scoredAt: number | null;
            /**
             * @description ok; failed (awaiting repair: no forecast); no-history (life model alone); not-scored (not yet); not-predicted (the registry lacks what the model needs: reasons)
             * @enum {string}
             */
            status: "ok" | "failed" | "no-history" | "not-scored" | "not-predicted";
            threshold: number | null;
            /** @enum {string} */
            usageUnit: "pages" | "hours";
        };
        CreateWebhookSubscription: {
            description?: string;
            /** @description Exact names, `prefix.*`, or `*`. */
            events: string[];
            /** @description Your id for it; generated when absent. */
            id?: string;
            /** @description HMAC key; generated when absent. */
            secret?: string;
            /** @description Where to POST. */
            url: string;
        };
        CreateWorkOrder: {
            /** @description The part concerned when known; otherwise the diagnosis of the words may name it. */
            component?: string;
            /** @description The customer's words, as said. */
            description: string;
            deviceId: string;
            /** @enum {string} */
            kind: "customer-request" | "installation";
            /** @description Who does it: a person, dispatch, an integration (kept in the history). */
            requestedBy: string;
        };
        Customer: {
            contactEmail?: string;
            country?: string;
            customerId: string;
            name: string;
        };
        CustomerPage: {
            data: components["schemas"]["Customer"][];
            nextCursor: string | null;
        };
        CustomerPatch: {
            contactEmail?: string | null;
            country?: string | null;
            customerId?: string | null;
            name?: string | null;
        };
        CustomerReplacement: {
            contactEmail?: string;
            country?: string;
            customerId?: string;
            name: string;
        };
        DeadLetter: {
            /** @description Which field, which limit. */
            detail: string;
            deviceId?: string;
            id: number;
            /** @description The payload, truncated, as UTF-8. */
            payload: string;
            payloadBytes: number;
            /** @enum {string} */
            reason: "unknown_topic" | "payload_too_large" | "invalid_json" | "schema_violation" | "non_finite_number" | "timestamp_out_of_range" | "device_mismatch" | "store_rejected" | "internal_error";
            /** @description Receive time, epoch ms. */
            receivedAt: number;
            topic: string;
        };
        DeadLetterPage: {
            data: components["schemas"]["DeadLetter"][];
            nextCursor: string | null;
        };
        DevicePlanStatus: {
            deviceId: string;
            due: {
                /** @description Epoch milliseconds. */
                dueAt: number;
                dueUsage: number | null;
                /** @enum {string} */
                reason: "time" | "usage" | "pulled-forward";
            } | null;
            /** @description The last actual completion (or the installation). */
            lastDoneAt: number;
            lastDoneUsage: number | null;
            planId: string;
            pulledForwardAt: number | null;
            usage: number | null;
        };
        DevicePlanStatusList: components["schemas"]["DevicePlanStatus"][];
        DevicePrediction: {
            components: components["schemas"]["ComponentPrediction"][];
            /** @description Device id: its MQTT client id and topic segment. */
            deviceId: string;
            modelId: string;
            modelVersion: string | null;
            /** @description Of the history, [from, to). */
            window: {
                /** @description Epoch milliseconds. */
                from: number;
                /** @description Epoch milliseconds. */
                to: number;
            };
        };
        DeviceSeen: {
            /** @description Device id: its MQTT client id and topic segment. */
            deviceId: string;
            firmware: string | null;
            /** @description First message, epoch ms. */
            firstSeen: number;
            /** @description Latest message, epoch ms. */
            lastSeen: number;
            model: string | null;
            online: boolean | null;
            /** @description In the fleet registry; false: an unknown device. */
            registered: boolean;
            reportingIntervalMs: number | null;
            serial: string | null;
            statusChangedAt: number | null;
        };
        DeviceSeenPage: {
            data: components["schemas"]["DeviceSeen"][];
            nextCursor: string | null;
        };
        DiagnoseRequest: {
            codes?: string[];
            description?: string;
            deviceId: string;
        };
        Diagnosis: {
            action: string;
            /** @description Epoch milliseconds. */
            at: number;
            basis: {
                faultTableCodes: number;
                learnedFixes: number;
            };
            causes: {
                action: string;
                /** @description A part, or operator (the user caused it). */
                cause: string;
                evidence: string[];
                probability: number;
            }[];
            /** @description Probability of the top cause. */
            confidence: number;
            /** @description Parts to bring for a first-time fix. */
            parts: {
                component: string;
                probability: number;
                quantity: number;
            }[];
            symptoms: ({
                code: string;
                count: number;
                /** @constant */
                kind: "fault";
                /** @description Epoch milliseconds. */
                lastAt: number;
                /** @enum {string} */
                severity?: "minor" | "major" | "machine-down";
            } | {
                /** @enum {string} */
                direction: "high" | "low";
                /** @constant */
                kind: "anomaly";
                metric: string;
                shift: number;
                strong: boolean;
                z: number;
            } | {
                /** @constant */
                kind: "words";
                text: string;
            } | {
                component: string;
                /** @constant */
                kind: "prediction";
                probability: number;
            })[];
        };
        EquipmentModel: {
            components?: {
                expectedLife?: number;
                name: string;
            }[];
            faultCodes?: {
                code: string;
                likelyComponent: null | string;
                /** @enum {unknown} */
                severity: "minor" | "major" | "machine-down";
                symptom: string;
            }[];
            /** @enum {unknown} */
            kind: "copier" | "printer" | "hvac" | "industrial" | "other";
            modelId: string;
            name: string;
            ratedMonthlyDuty?: number;
            successorModelId?: string;
            usageMetric?: string;
            /** @enum {unknown} */
            usageUnit: "pages" | "hours";
        };
        EquipmentModelPage: {
            data: components["schemas"]["EquipmentModel"][];
            nextCursor: string | null;
        };
        EquipmentModelPatch: {
            components?: {
                expectedLife?: number;
                name: string;
            }[] | null;
            faultCodes?: {
                code: string;
                likelyComponent: null | string;
                /** @enum {unknown} */
                severity: "minor" | "major" | "machine-down";
                symptom: string;
            }[] | null;
            kind?: ("copier" | "printer" | "hvac" | "industrial" | "other") | null;
            modelId?: string | null;
            name?: string | null;
            ratedMonthlyDuty?: number | null;
            successorModelId?: string | null;
            usageMetric?: string | null;
            usageUnit?: ("pages" | "hours") | null;
        };
        EquipmentModelReplacement: {
            components?: {
                expectedLife?: number;
                name: string;
            }[];
            faultCodes?: {
                code: string;
                likelyComponent: null | string;
                /** @enum {unknown} */
                severity: "minor" | "major" | "machine-down";
                symptom: string;
            }[];
            /** @enum {unknown} */
            kind: "copier" | "printer" | "hvac" | "industrial" | "other";
            modelId?: string;
            name: string;
            ratedMonthlyDuty?: number;
            successorModelId?: string;
            usageMetric?: string;
            /** @enum {unknown} */
            usageUnit: "pages" | "hours";
        };
        Event: {
            code?: string;
            component?: string;
            deviceId: string;
            note?: string;
            /** @enum {string} */
            severity?: "minor" | "major" | "machine-down";
            /** @description ISO 8601. */
            time: string;
            /** @description Device time, epoch ms. */
            ts: number;
            /** @enum {string} */
            type: "fault.raised" | "fault.cleared" | "service.started" | "service.finished" | "part.replaced" | "pm.done" | "consumable.replaced" | "device.online" | "device.offline";
            visitId?: string;
        };
        EventPage: {
            data: components["schemas"]["Event"][];
            nextCursor: string | null;
        };
        Health: {
            /** @description By check (broker, store): up or down, with a message or detail. */
            details: {
                [key: string]: {
                    /** @enum {string} */
                    status: "up" | "down";
                } & {
                    [key: string]: unknown;
                };
            };
            /** @description By check (broker, store): up or down, with a message or detail. */
            error?: {
                [key: string]: {
                    /** @enum {string} */
                    status: "up" | "down";
                } & {
                    [key: string]: unknown;
                };
            };
            /** @description By check (broker, store): up or down, with a message or detail. */
            info?: {
                [key: string]: {
                    /** @enum {string} */
                    status: "up" | "down";
                } & {
                    [key: string]: unknown;
                };
            };
            /** @enum {string} */
            status: "ok" | "error" | "shutting_down";
        };
        HistoryImportReport: {
            accepted: number;
            devices: number;
            errors: {
                id?: string;
                /** @description File line (the header is line 1). */
                line: number;
                reason: string;
            }[];
            errorsTruncated: boolean;
            events: number;
            from: number | null;
            points: number;
            rejected: number;
            rows: number;
            to: number | null;
            /** @description Rows taken with a doubt (an option let them through), once per reason. */
            warnings: {
                /** @description First line with this warning. */
                line: number;
                reason: string;
                /** @description Rows with this warning. */
                rows: number;
            }[];
        };
        IssuedApiKey: {
            /** @description Epoch milliseconds. */
            createdAt: number;
            createdBy: string;
            expiresAt: number | null;
            /** @description `key-` and 8 hex digits: how the audit log names the key. */
            id: string;
            /** @description The key: shown in this answer only. */
            key: string;
            lastUsedAt: number | null;
            name: string;
            /** @description The first characters of the key, to tell keys apart. */
            prefix: string;
            revokedAt: number | null;
            /** @enum {string} */
            role: "viewer" | "analyst" | "operator" | "provisioner" | "admin";
        };
        IssuedMqttCredential: {
            credential: components["schemas"]["MqttCredential"];
            password: string | null;
            username: string;
        };
        IssuedProvisioningKey: {
            /** @description Epoch milliseconds. */
            createdAt: number;
            createdBy: string;
            customerId: string | null;
            devicesProvisioned: number;
            expiresAt: number | null;
            /** @description `pk-` and 8 hex digits: the MQTT user name of a provisioning session. */
            id: string;
            /** @description The key: shown in this answer only. */
            key: string;
            maxDevices: number | null;
            models: string[] | null;
            name: string;
            reprovision: boolean;
            revokedAt: number | null;
        };
        KpiAnswer: {
            computedThrough: number | null;
            id: string;
            kpis: components["schemas"]["ReliabilityKpis"];
            /** @description The trend, oldest first. */
            periods?: components["schemas"]["ReliabilityKpis"][];
            /** @enum {string} */
            scope: "device" | "model" | "component" | "customer" | "site" | "fleet";
            /** @description The time zone of the trend and of times without a zone. */
            timeZone: string;
        };
        KpiRefreshAnswer: {
            /** @description Of those, recomputed from before the last computed day. */
            backfilledDevices: number;
            /** @description Devices recomputed: new data, late data, new or changed records. */
            changedDevices: number;
            computedThrough: number;
            deviceRows: number;
            /** @description Registered devices the ledger covers. */
            devices: number;
            durationMs: number;
            fromDay: number | null;
            full: boolean;
            jobId: string;
            phasesMs: {
                devices: number;
                read: number;
                rollups: number;
                state: number;
            };
            rollupRows: number;
        };
        KpiRefreshJob: {
            error: string | null;
            finishedAt: number | null;
            jobId: string;
            rebuild: boolean;
            requestedAt: number;
            /** @enum {string} */
            status: "running" | "succeeded" | "failed";
            summary: components["schemas"]["KpiRunSummary"] | null;
        };
        KpiRunSummary: {
            /** @description Of those, recomputed from before the last computed day. */
            backfilledDevices: number;
            /** @description Devices recomputed: new data, late data, new or changed records. */
            changedDevices: number;
            computedThrough: number;
            deviceRows: number;
            /** @description Registered devices the ledger covers. */
            devices: number;
            durationMs: number;
            fromDay: number | null;
            full: boolean;
            phasesMs: {
                devices: number;
                read: number;
                rollups: number;
                state: number;
            };
            rollupRows: number;
        };
        MaintenancePlan: {
            active: boolean;
            /** @description Every N days from the last completion. */
            everyDays?: number;
            /** @description Every N calendar months from the last completion. */
            everyMonths?: number;
            /** @description Every N pages or run hours (the model unit). */
            everyUsage?: number;
            /** @description Open the order this many days ahead (default WORK_ORDER_PM_LEAD_DAYS). */
            leadDays?: number;
            modelId: string;
            name: string;
            planId: string;
            tasks: string[];
        };
        MaintenancePlanList: components["schemas"]["MaintenancePlan"][];
        MaintenancePlanPut: {
            created: boolean;
            plan: components["schemas"]["MaintenancePlan"];
        };
        /** @description Metric names the device has reported, sorted. */
        MetricNames: string[];
        MqttCredential: {
            certificateFingerprint: string | null;
            /** @description Epoch milliseconds. */
            createdAt: number;
            customerId: string | null;
            /** @description Gateways: the devices they publish for. */
            devices: string[];
            enabled: boolean;
            /** @description false: certificate only. */
            hasSecret: boolean;
            /** @description MQTT user name and client id. */
            id: string;
            issuedBy: string;
            /** @enum {string} */
            kind: "device" | "gateway";
            modelId: string | null;
            /** @description Epoch milliseconds. */
            updatedAt: number;
        };
        MqttCredentialPage: {
            data: components["schemas"]["MqttCredential"][];
            nextCursor: string | null;
        };
        NotReady: {
            /** @description By check (broker, store): up or down, with a message or detail. */
            details: {
                [key: string]: {
                    /** @enum {string} */
                    status: "up" | "down";
                } & {
                    [key: string]: unknown;
                };
            };
            /** @constant */
            error: "unavailable";
            /** @description Which checks are down, and why. */
            message: string;
            /** @enum {string} */
            status: "error" | "shutting_down";
        };
        PredictionModel: {
            backtest: {
                /** @description Epoch milliseconds. */
                cutoff: number;
                devices: number;
                /** @description Epoch milliseconds. */
                end: number;
                methods: {
                    horizons: {
                        alerts: number;
                        brier: number | null;
                        f1: number | null;
                        failures: number;
                        falseAlertsPer100DeviceMonths: number | null;
                        horizonDays: number;
                        leadHoursMedian: number | null;
                        leadHoursP10: number | null;
                        prAuc: number | null;
                        precision: number | null;
                        recall: number | null;
                        threshold: number | null;
                    }[];
                    label: string;
                    method: string;
                }[];
                testFailures: number;
            } | null;
            backtestReason: string | null;
            /** @enum {string} */
            basis: "condition-and-life" | "life" | "catalog-prior";
            components: {
                component: string;
                conditionModel: boolean;
                failures: number;
                reason?: string;
            }[];
            dataFrom: number | null;
            devices: number;
            /** @description Failures (major, machine-down) in the training data. */
            failures: number;
            horizons: number[];
            modelBytes: number;
            reasons: string[];
            thresholds: {
                byComponent: {
                    [key: string]: number;
                };
                fallback: number;
                horizonDays: number;
            }[];
            /** @description Data before this was used. */
            trainedAsOf: number;
            /** @description When the training ran. */
            trainedAt: number;
            trainSeconds: number;
            version: string;
        };
        PredictionModelPage: {
            data: components["schemas"]["PredictionModel"][];
            nextCursor: string | null;
        };
        PredictionScoringRun: {
            /** @description Components whose alert is raised after the run. */
            alerting: number;
            alertsCleared: number;
            /** @description Alerts published as raised: new, and renewed. */
            alertsRaised: number;
            /** @description Of those, renewals: the horizon passed since it was last raised, the risk still high. */
            alertsRenewed: number;
            /** @description The time scored at. */
            at: number;
            /** @description In service. */
            devices: number;
            durationMs: number;
            held: {
                devices: number;
                events: number;
                rows: number;
            };
            /** @enum {string} */
            modelBasis: "condition-and-life" | "life" | "catalog-prior";
            modelVersion: string;
            phasesMs: {
                read: number;
                score: number;
                write: number;
            };
            read: {
                devicesLoaded: number;
                events: number;
                rows: number;
            };
            scoredComponents: number;
            scoredDevices: number;
        };
        PredictionTrainingRun: {
            basis: ("condition-and-life" | "life" | "catalog-prior") | null;
            devices: number;
            durationMs: number;
            failures: number;
            reason: string;
            /** @enum {string} */
            status: "finished" | "running";
            trained: boolean;
            trainSeconds: number;
            version: string | null;
        };
        ProvisioningAccepted: {
            deviceId: string;
            /** @description Shown in this answer only. */
            password: string;
            /** @constant */
            status: "accepted";
            username: string;
        };
        ProvisioningKey: {
            /** @description Epoch milliseconds. */
            createdAt: number;
            createdBy: string;
            customerId: string | null;
            devicesProvisioned: number;
            expiresAt: number | null;
            /** @description `pk-` and 8 hex digits: the MQTT user name of a provisioning session. */
            id: string;
            maxDevices: number | null;
            models: string[] | null;
            name: string;
            reprovision: boolean;
            revokedAt: number | null;
        };
        RegisteredDevice: {
            contractEnd?: string;
            /** @enum {unknown} */
            contractType?: "warranty" | "full-service" | "time-and-materials";
            department?: string;
            deviceId: string;
            installDate: string;
            modelId: string;
            /** @enum {unknown} */
            registeredBy?: "api" | "import" | "birth";
            removedDate?: string;
            serial?: string;
            siteId?: string;
            warrantyEnd?: string;
        };
        RegisteredDevicePage: {
            data: components["schemas"]["RegisteredDevice"][];
            nextCursor: string | null;
        };
        RegisteredDevicePatch: {
            contractEnd?: string | null;
            contractType?: ("warranty" | "full-service" | "time-and-materials") | null;
            department?: string | null;
            deviceId?: string | null;
            installDate?: string | null;
            modelId?: string | null;
            registeredBy?: ("api" | "import" | "birth") | null;
            removedDate?: string | null;
            serial?: string | null;
            siteId?: string | null;
            warrantyEnd?: string | null;
        };
        RegisteredDeviceReplacement: {
            contractEnd?: string;
            /** @enum {unknown} */
            contractType?: "warranty" | "full-service" | "time-and-materials";
            department?: string;
            deviceId?: string;
            installDate: string;
            modelId: string;
            /** @enum {unknown} */
            registeredBy?: "api" | "import" | "birth";
            removedDate?: string;
            serial?: string;
            siteId?: string;
            warrantyEnd?: string;
        };
        RegistryImportReport: {
            accepted: number;
            created: number;
            /** @description The first refused rows, in file order. */
            errors: {
                id?: string;
                /** @description CSV: file line (the header is line 1); JSON: index + 1. */
                line: number;
                reason: string;
            }[];
            errorsTruncated: boolean;
            rejected: number;
            rows: number;
            unchanged: number;
            updated: number;
            /** @description Rows taken with a doubt (an option let them through), once per reason. */
            warnings: {
                /** @description First line with this warning. */
                line: number;
                reason: string;
                /** @description Rows with this warning. */
                rows: number;
            }[];
        };
        ReliabilityKpis: {
            availability: number | null;
            devices: number;
            downTimeMs: number;
            failures: number;
            failuresByComponent: {
                [key: string]: number;
            };
            inherentAvailability: number | null;
            mcbc: number | null;
            mcbf: number | null;
            meanRepairMs: number | null;
            meanResponseMs: number | null;
            mtbfLowerBoundMs: number | null;
            mtbfMs: number | null;
            mttrMs: number | null;
            /** @description Why each figure that is null has no value, in words, by field. */
            reasons: {
                [key: string]: string;
            };
            repairsEnded: number;
            serviceCalls: number | null;
            upTimeMs: number;
            usage: number | null;
            /** @description epoch ms, [from, to) */
            window: {
                from: number;
                to: number;
            };
        };
        RiskRankingPage: {
            data: components["schemas"]["RiskRankingRow"][];
            nextCursor: string | null;
        };
        RiskRankingRow: {
            /** @description The alert is raised (at the alert horizon). */
            alert: boolean;
            alertSince: number | null;
            /** @enum {string} */
            basis: "condition-and-life" | "life";
            component: string;
            customerId: string | null;
            /** @description Device id: its MQTT client id and topic segment. */
            deviceId: string;
            /** @description Why, what raised the risk most first. */
            evidence: string[];
            /** @description The horizon ranked by. */
            horizonDays: number;
            modelId: string;
            modelVersion: string;
            /** @description Of failure within horizonDays. */
            probability: number;
            remainingDays: number | null;
            remainingUsage: number | null;
            /** @description Epoch milliseconds. */
            scoredAt: number;
            siteId: string | null;
            /** @enum {string} */
            status: "ok" | "failed" | "no-history";
            /** @enum {string} */
            usageUnit: "pages" | "hours";
        };
        Site: {
            address?: string;
            customerId: string;
            departments?: string[];
            lat?: number;
            lon?: number;
            name: string;
            siteId: string;
        };
        SitePage: {
            data: components["schemas"]["Site"][];
            nextCursor: string | null;
        };
        SitePatch: {
            address?: string | null;
            customerId?: string | null;
            departments?: string[] | null;
            lat?: number | null;
            lon?: number | null;
            name?: string | null;
            siteId?: string | null;
        };
        SiteReplacement: {
            address?: string;
            customerId: string;
            departments?: string[];
            lat?: number;
            lon?: number;
            name: string;
            siteId?: string;
        };
        TelemetryPage: {
            data: components["schemas"]["TelemetryRow"][];
            deviceId: string;
            /** @enum {string} */
            fn?: "mean" | "min" | "max" | "sum" | "count" | "last";
            /** @description Range start, ISO 8601. */
            from: string;
            /** @enum {string} */
            kind?: "gauge" | "counter";
            metric: string;
            nextCursor: string | null;
            /** @description Range end (exclusive), ISO 8601. */
            to: string;
            window?: string;
        };
        TelemetryRow: {
            /** @description Point time, or window start, ISO 8601. */
            time: string;
            /** @description The same, epoch ms. */
            ts: number;
            value: number;
        };
        WebhookDelivery: {
            attempts: number;
            /** @description Epoch milliseconds. */
            createdAt: number;
            deliveredAt: number | null;
            /** @description x-fleet-delivery: the same on every attempt. */
            deliveryId: string;
            event: string;
            lastError: string | null;
            lastStatus: number | null;
            /** @description Epoch milliseconds. */
            nextAttemptAt: number;
            /** @description Outbox order: a subscription gets its deliveries in this order. */
            seq: number;
            /** @enum {string} */
            status: "pending" | "delivered" | "dead";
            subscriptionId: string;
        };
        WebhookDeliveryPage: {
            data: components["schemas"]["WebhookDelivery"][];
            nextCursor: string | null;
        };
        WebhookSubscription: {
            active: boolean;
            /** @description Epoch milliseconds. */
            createdAt: number;
            description: string | null;
            events: string[];
            id: string;
            url: string;
        };
        WebhookSubscriptionCreated: {
            active: boolean;
            /** @description Epoch milliseconds. */
            createdAt: number;
            description: string | null;
            events: string[];
            id: string;
            /** @description Shown in this answer only. */
            secret: string;
            url: string;
        };
        WebhookSubscriptionList: components["schemas"]["WebhookSubscription"][];
        WorkOrder: {
            assignee: string | null;
            billing: {
                billable: boolean;
                /** @description Epoch milliseconds. */
                completedAt: number;
                /** @enum {string} */
                coverage: "warranty" | "full-service" | "time-and-materials" | "expired";
                labourMinutes: number;
                note?: string;
                parts: {
                    component: string;
                    quantity: number;
                }[];
                pmDone: boolean;
                technician: string | null;
                travelKm: number;
                travelMinutes: number;
            } | null;
            closedAt: number | null;
            commands: {
                command: {
                    /** @enum {string} */
                    action: "replace-part" | "pm-visit";
                    component?: string;
                    workOrderId?: string;
                };
                confirmedAt: number | null;
                sentAt: number | null;
            }[];
            component: string | null;
            /** @description Epoch milliseconds. */
            createdAt: number;
            customerId: string | null;
            deviceId: string;
            diagnosis: components["schemas"]["Diagnosis"] | null;
            dueAt: number | null;
            entitlement: {
                billable: boolean;
                /** @enum {string} */
                coverage: "warranty" | "full-service" | "time-and-materials" | "expired";
                reason: string;
            };
            evidence: {
                count: number;
                data?: {
                    [key: string]: unknown;
                };
                detail: string;
                /** @description Epoch milliseconds. */
                firstAt: number;
                key: string;
                /** @enum {string} */
                kind: "prediction" | "fault" | "symptom" | "customer" | "plan" | "device-report";
                /** @description Epoch milliseconds. */
                lastAt: number;
            }[];
            /** @description WO-000042 */
            id: string;
            /** @enum {string} */
            kind: "proactive" | "corrective" | "preventive" | "customer-request" | "installation";
            modelId: string | null;
            outcome: string | null;
            planId: string | null;
            /** @enum {string} */
            priority: "critical" | "high" | "medium" | "low";
            scheduledEnd: number | null;
            scheduledStart: number | null;
            siteId: string | null;
            sla: {
                resolutionBreachedAt: number | null;
                resolutionDueAt: number | null;
                resolutionWarnedAt: number | null;
                resolvedAt: number | null;
                respondedAt: number | null;
                responseBreachedAt: number | null;
                responseDueAt: number | null;
                responseWarnedAt: number | null;
            };
            /** @enum {string} */
            status: "new" | "scheduled" | "assigned" | "en-route" | "in-progress" | "on-hold" | "completed" | "cannot-complete" | "closed" | "cancelled";
            title: string;
            /** @description Epoch milliseconds. */
            updatedAt: number;
            version: number;
        };
        WorkOrderChange: {
            actor: string;
            /** @description Epoch milliseconds. */
            at: number;
            data?: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            from?: "new" | "scheduled" | "assigned" | "en-route" | "in-progress" | "on-hold" | "completed" | "cannot-complete" | "closed" | "cancelled";
            note?: string;
            /** @enum {string} */
            to?: "new" | "scheduled" | "assigned" | "en-route" | "in-progress" | "on-hold" | "completed" | "cannot-complete" | "closed" | "cancelled";
            /** @enum {string} */
            type: "created" | "transition" | "evidence" | "priority" | "assignment" | "schedule" | "note" | "diagnosis" | "sla-warning" | "sla-breach" | "command-sent" | "device-confirmed";
        };
        WorkOrderDetail: {
            assignee: string | null;
            billing: {
                billable: boolean;
                /** @description Epoch milliseconds. */
                completedAt: number;
                /** @enum {string} */
                coverage: "warranty" | "full-service" | "time-and-materials" | "expired";
                labourMinutes: number;
                note?: string;
                parts: {
                    component: string;
                    quantity: number;
                }[];
                pmDone: boolean;
                technician: string | null;
                travelKm: number;
                travelMinutes: number;
            } | null;
            closedAt: number | null;
            commands: {
                command: {
                    /** @enum {string} */
                    action: "replace-part" | "pm-visit";
                    component?: string;
                    workOrderId?: string;
                };
                confirmedAt: number | null;
                sentAt: number | null;
            }[];
            component: string | null;
            /** @description Epoch milliseconds. */
            createdAt: number;
            customerId: string | null;
            deviceId: string;
            diagnosis: components["schemas"]["Diagnosis"] | null;
            dueAt: number | null;
            entitlement: {
                billable: boolean;
                /** @enum {string} */
                coverage: "warranty" | "full-service" | "time-and-materials" | "expired";
                reason: string;
            };
            evidence: {
                count: number;
                data?: {
                    [key: string]: unknown;
                };
                detail: string;
                /** @description Epoch milliseconds. */
                firstAt: number;
                key: string;
                /** @enum {string} */
                kind: "prediction" | "fault" | "symptom" | "customer" | "plan" | "device-report";
                /** @description Epoch milliseconds. */
                lastAt: number;
            }[];
            history: components["schemas"]["WorkOrderChange"][];
            /** @description WO-000042 */
            id: string;
            /** @enum {string} */
            kind: "proactive" | "corrective" | "preventive" | "customer-request" | "installation";
            modelId: string | null;
            outcome: string | null;
            planId: string | null;
            /** @enum {string} */
            priority: "critical" | "high" | "medium" | "low";
            scheduledEnd: number | null;
            scheduledStart: number | null;
            siteId: string | null;
            sla: {
                resolutionBreachedAt: number | null;
                resolutionDueAt: number | null;
                resolutionWarnedAt: number | null;
                resolvedAt: number | null;
                respondedAt: number | null;
                responseBreachedAt: number | null;
                responseDueAt: number | null;
                responseWarnedAt: number | null;
            };
            /** @enum {string} */
            status: "new" | "scheduled" | "assigned" | "en-route" | "in-progress" | "on-hold" | "completed" | "cannot-complete" | "closed" | "cancelled";
            title: string;
            /** @description Epoch milliseconds. */
            updatedAt: number;
            version: number;
        };
        WorkOrderNote: {
            /** @description Who does it: a person, dispatch, an integration (kept in the history). */
            actor: string;
            note: string;
        };
        WorkOrderPage: {
            data: components["schemas"]["WorkOrder"][];
            nextCursor: string | null;
        };
        WorkOrderTransition: {
            /** @description Who does it: a person, dispatch, an integration (kept in the history). */
            actor: string;
            /** @description technician id */
            assignee?: string;
            note?: string;
            /** @description Planned end. Epoch milliseconds or RFC 3339. */
            scheduledEnd?: number | string;
            /** @description Planned start. Epoch milliseconds or RFC 3339. */
            scheduledStart?: number | string;
            /** @enum {string} */
            to: "new" | "scheduled" | "assigned" | "en-route" | "in-progress" | "on-hold" | "completed" | "cannot-complete" | "closed" | "cancelled";
            visit?: {
                labourMinutes: number;
                note?: string;
                /** @description Parts fitted: the device is told to replace each. */
                parts?: {
                    /** @description a component: fuser, pickup_roller */
                    component: string;
                    quantity?: number;
                }[];
                /** @description A preventive-maintenance visit was done. */
                pmDone?: boolean;
                technician?: string;
                travelKm?: number;
                travelMinutes?: number;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ApiKeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"][];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ApiKeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expiresAt?: (number | string) | null;
                    name: string;
                    /** @enum {string} */
                    role: "viewer" | "analyst" | "operator" | "provisioner" | "admin";
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiKey"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ApiKeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ApiKeysController_rotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiKey"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                /** @description api-key:key-…, provisioning-key:pk-…, cli:… */
                actor?: string;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description csv answers CSV (so does `Accept: text/csv`), the cursor in `X-Next-Cursor`. */
                format?: "json" | "csv";
                /** @description Start, inclusive. Default: 24 h before `to`. Epoch milliseconds or ISO 8601. */
                from?: string;
                /** @description Most rows in this page (at most API_MAX_POINTS). */
                limit?: number;
                /** @description End, exclusive. Default: now. Epoch milliseconds or ISO 8601. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                    "text/csv": string;
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CredentialsController_list: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                kind?: "device" | "gateway";
                /** @description Most rows in this page (at most API_MAX_POINTS). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MqttCredentialPage"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CredentialsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A device id, or a gateway id (gw-…). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MqttCredential"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CredentialsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A device id, or a gateway id (gw-…). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CredentialsController_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A device id, or a gateway id (gw-…). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    customerId?: string | null;
                    /** @description Gateways only. */
                    devices?: string[];
                    /** @description false drops the live session at once. */
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MqttCredential"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CredentialsController_rotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A device id, or a gateway id (gw-…). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedMqttCredential"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CredentialsController_createDevice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description SHA-256 of the one client certificate allowed, hex (colons optional). */
                    certificateFingerprint?: string;
                    /** @description No secret: the device uses a client certificate. */
                    certificateOnly?: boolean;
                    customerId?: string;
                    /** @description A device id, or a gateway id (gw-…). */
                    deviceId: string;
                    modelId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedMqttCredential"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CredentialsController_createGateway: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    customerId?: string;
                    devices?: string[];
                    gatewayId: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedMqttCredential"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DeadLetterController_list: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description The device the rejected message was for (even an invalid id from a malformed topic). */
                deviceId?: string;
                /** @description csv answers CSV (so does `Accept: text/csv`), the cursor in `X-Next-Cursor`. */
                format?: "json" | "csv";
                /** @description Most rows in this page (at most API_MAX_POINTS). */
                limit?: number;
                reason?: "unknown_topic" | "payload_too_large" | "invalid_json" | "schema_violation" | "non_finite_number" | "timestamp_out_of_range" | "device_mismatch" | "store_rejected" | "internal_error";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetterPage"];
                    "text/csv": string;
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DevicesController_list: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description csv answers CSV (so does `Accept: text/csv`), the cursor in `X-Next-Cursor`. */
                format?: "json" | "csv";
                /** @description Most rows in this page (at most API_MAX_POINTS). */
                limit?: number;
                /** @description Only devices online (true) or offline (false). */
                online?: boolean;
                /** @description false lists unknown devices: seen on MQTT, not in the registry. */
                registered?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceSeenPage"];
                    "text/csv": string;
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DevicesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Device id: its MQTT client id and topic segment. */
                deviceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceSeen"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    TelemetryController_deviceEvents: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description csv answers CSV (so does `Accept: text/csv`), the cursor in `X-Next-Cursor`. */
                format?: "json" | "csv";
                /** @description Start, inclusive. Default: 24 h before `to`. Epoch milliseconds or ISO 8601. */
                from?: string;
                /** @description Most rows in this page (at most API_MAX_POINTS). */
                limit?: number;
                /** @description End, exclusive. Default: now. Epoch milliseconds or ISO 8601. */
                to?: string;
                /** @description Comma-separated event types: fault.raised, fault.cleared, service.started, service.finished, part.replaced, pm.done, consumable.replaced, device.online, device.offline. */
                type?: string;
            };
            header?: never;
            path: {
                /** @description Device id: its MQTT client id and topic segment. */
                deviceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                    "text/csv": string;
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    TelemetryController_metricNames: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Device id: its MQTT client id and topic segment. */
                deviceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MetricNames"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    TelemetryController_series: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description With `window`; default mean. */
                fn?: "mean" | "min" | "max" | "sum" | "count" | "last";
                /** @description csv answers CSV (so does `Accept: text/csv`), the cursor in `X-Next-Cursor`. */
                format?: "json" | "csv";
                /** @description Start, inclusive. Default: 24 h before `to`. Epoch milliseconds or ISO 8601. */
                from?: string;
                /** @description Most rows in this page (at most API_MAX_POINTS). */
                limit?: number;
                /** @description End, exclusive. Default: now. Epoch milliseconds or ISO 8601. */
                to?: string;
                /** @description Aggregate into windows of this length: 30s, 5m, 1h, 1d, 1w. */
                window?: string;
            };
            header?: never;
            path: {
                /** @description Device id: its MQTT client id and topic segment. */
                deviceId: string;
                /** @description e.g. fuser.temp_c */
                metric: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TelemetryPage"];
                    "text/csv": string;
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description result_too_large */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    TelemetryController_fleetEvents: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Device id: its MQTT client id and topic segment. */
                deviceId?: string;
                /** @description csv answers CSV (so does `Accept: text/csv`), the cursor in `X-Next-Cursor`. */
                format?: "json" | "csv";
                /** @description Start, inclusive. Default: 24 h before `to`. Epoch milliseconds or ISO 8601. */
                from?: string;
                /** @description Most rows in this page (at most API_MAX_POINTS). */
                limit?: number;
                /** @description End, exclusive. Default: now. Epoch milliseconds or ISO 8601. */
                to?: string;
                /** @description Comma-separated event types: fault.raised, fault.cleared, service.started, service.finished, part.replaced, pm.done, consumable.replaced, device.online, device.offline. */
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                    "text/csv": string;
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    HistoryImportController_import: {
        parameters: {
            query: {
                /** @description Import rows of devices not in the registry. */
                allowUnknownDevices?: "true" | "false";
                /** @description JSON: which column is the device, the time, … (docs/history-import.md). */
                mapping: string;
                /** @description A component the device's model does not list: refuse the row (default), or warn. */
                unknownComponents?: "refuse" | "warn";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryImportReport"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    KpiController_get: {
        parameters: {
            query?: {
                /** @description csv answers CSV (so does `Accept: text/csv`), the cursor in `X-Next-Cursor`. */
                format?: "json" | "csv";
                /** @description Window start, on the hour (docs/kpis.md); without a zone, in tz. */
                from?: string;
                /** @description Device, model, component, customer or site id. */
                id?: string;
                /** @description Adds `periods`: the trend. */
                interval?: "day" | "week" | "month";
                /** @description Default fleet. */
                scope?: "device" | "model" | "component" | "customer" | "site" | "fleet";
                /** @description Window end, exclusive, on the hour. */
                to?: string;
                /** @description IANA time zone of the trend and of times without a zone, e.g. Europe/Paris; default UTC. */
                tz?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KpiAnswer"];
                    "text/csv": string;
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description result_too_large */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    KpiController_refresh: {
        parameters: {
            query?: {
                /** @description true recomputes all history. */
                rebuild?: "true" | "false";
                /** @description ms to wait for the run before answering 202 with its job; default 10000. */
                wait?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KpiRefreshAnswer"];
                };
            };
            /** @description Still running: poll the job at Location */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KpiRefreshJob"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    KpiController_job: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KpiRefreshJob"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    MaintenancePlansController_list: {
        parameters: {
            query?: {
                modelId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenancePlanList"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    MaintenancePlansController_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MaintenancePlan"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenancePlanPut"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    MaintenancePlansController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description plan id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenancePlan"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    MaintenancePlansController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description plan id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    MaintenancePlansController_devices: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description plan id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevicePlanStatusList"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PredictionsController_device: {
        parameters: {
            query?: {
                /** @description A component of a model: `fuser`. */
                component?: string;
                /** @description Start, inclusive. Default: 24 h before `to`. Epoch milliseconds or ISO 8601. */
                from?: string;
                /** @description End, exclusive. Default: now. Epoch milliseconds or ISO 8601. */
                to?: string;
            };
            header?: never;
            path: {
                /** @description Device id: its MQTT client id and topic segment. */
                deviceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevicePrediction"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PredictionsController_models: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Most rows in this page (at most API_MAX_POINTS). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PredictionModelPage"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PredictionsController_model: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PredictionModel"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PredictionsController_ranking: {
        parameters: {
            query?: {
                /** @description true: only components whose alert is raised; false: only the others. */
                alerting?: boolean;
                /** @description A component of a model: `fuser`. */
                component?: string;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                customerId?: string;
                /** @description csv answers CSV (so does `Accept: text/csv`), the cursor in `X-Next-Cursor`. */
                format?: "json" | "csv";
                /** @description Rank by the probability of failure within this many days; default PREDICTION_ALERT_HORIZON_DAYS. */
                horizon?: number;
                /** @description Most rows in this page (at most API_MAX_POINTS). */
                limit?: number;
                modelId?: string;
                siteId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskRankingPage"];
                    "text/csv": string;
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PredictionsController_score: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PredictionScoringRun"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PredictionsController_train: {
        parameters: {
            query?: {
                /** @description ms to wait for the training before answering 202 (it goes on); default 60000. */
                wait?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PredictionTrainingRun"];
                };
            };
            /** @description Still training */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PredictionTrainingRun"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ProvisioningController_provision: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    deviceId: string;
                    model: string;
                    serial?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProvisioningAccepted"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ProvisioningKeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProvisioningKey"][];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ProvisioningKeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    customerId?: string;
                    expiresAt?: number | string;
                    maxDevices?: number;
                    models?: string[];
                    name: string;
                    /** @description Devices this key provisioned may be provisioned by it again. */
                    reprovision?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedProvisioningKey"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ProvisioningKeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryCustomersController_list: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description csv answers CSV (so does `Accept: text/csv`), the cursor in `X-Next-Cursor`. */
                format?: "json" | "csv";
                /** @description Most rows in this page (at most API_MAX_POINTS). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerPage"];
                    "text/csv": string;
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryCustomersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Customer"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryCustomersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryCustomersController_replace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerReplacement"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryCustomersController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryCustomersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryCustomersController_import: {
        parameters: {
            query?: {
                /** @description CSV only, JSON: columns, defaults, values, age (docs/history-import.md). */
                mapping?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Customer"][] | string;
                "text/csv": components["schemas"]["Customer"][] | string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistryImportReport"];
                };
            };
            /**
             * @description invalid_argument: a parameter or the body is invalid; the message says which and why
             *
             *     invalid_argument: a parameter or the body is invalid; the message says which and why
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryDevicesController_list: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                customerId?: string;
                /** @description csv answers CSV (so does `Accept: text/csv`), the cursor in `X-Next-Cursor`. */
                format?: "json" | "csv";
                /** @description Most rows in this page (at most API_MAX_POINTS). */
                limit?: number;
                modelId?: string;
                siteId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredDevicePage"];
                    "text/csv": string;
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryDevicesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisteredDevice"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredDevice"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryDevicesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredDevice"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryDevicesController_replace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisteredDeviceReplacement"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredDevice"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryDevicesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryDevicesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisteredDevicePatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredDevice"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryDevicesController_import: {
        parameters: {
            query?: {
                /** @description CSV only, JSON: columns, defaults, values, age (docs/history-import.md). */
                mapping?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisteredDevice"][] | string;
                "text/csv": components["schemas"]["RegisteredDevice"][] | string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistryImportReport"];
                };
            };
            /**
             * @description invalid_argument: a parameter or the body is invalid; the message says which and why
             *
             *     invalid_argument: a parameter or the body is invalid; the message says which and why
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryModelsController_list: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description csv answers CSV (so does `Accept: text/csv`), the cursor in `X-Next-Cursor`. */
                format?: "json" | "csv";
                /** @description Most rows in this page (at most API_MAX_POINTS). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EquipmentModelPage"];
                    "text/csv": string;
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryModelsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EquipmentModel"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EquipmentModel"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryModelsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EquipmentModel"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryModelsController_replace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EquipmentModelReplacement"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EquipmentModel"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryModelsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryModelsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EquipmentModelPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EquipmentModel"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistryModelsController_import: {
        parameters: {
            query?: {
                /** @description CSV only, JSON: columns, defaults, values, age (docs/history-import.md). */
                mapping?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EquipmentModel"][] | string;
                "text/csv": components["schemas"]["EquipmentModel"][] | string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistryImportReport"];
                };
            };
            /**
             * @description invalid_argument: a parameter or the body is invalid; the message says which and why
             *
             *     invalid_argument: a parameter or the body is invalid; the message says which and why
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistrySitesController_list: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                customerId?: string;
                /** @description csv answers CSV (so does `Accept: text/csv`), the cursor in `X-Next-Cursor`. */
                format?: "json" | "csv";
                /** @description Most rows in this page (at most API_MAX_POINTS). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SitePage"];
                    "text/csv": string;
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistrySitesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Site"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Site"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistrySitesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Site"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistrySitesController_replace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SiteReplacement"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Site"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistrySitesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistrySitesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SitePatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Site"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RegistrySitesController_import: {
        parameters: {
            query?: {
                /** @description CSV only, JSON: columns, defaults, values, age (docs/history-import.md). */
                mapping?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Site"][] | string;
                "text/csv": components["schemas"]["Site"][] | string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistryImportReport"];
                };
            };
            /**
             * @description invalid_argument: a parameter or the body is invalid; the message says which and why
             *
             *     invalid_argument: a parameter or the body is invalid; the message says which and why
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    WebhooksController_deliveries: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Most rows in this page (at most API_MAX_POINTS). */
                limit?: number;
                status?: "pending" | "delivered" | "dead";
                subscriptionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    WebhooksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionList"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    WebhooksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookSubscription"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionCreated"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    WebhooksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscription"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    WebhooksController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    WorkOrdersController_list: {
        parameters: {
            query?: {
                /** @description technician id */
                assignee?: string;
                /** @description a component: fuser, pickup_roller */
                component?: string;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                customerId?: string;
                deviceId?: string;
                /** @description csv answers CSV (so does `Accept: text/csv`), the cursor in `X-Next-Cursor`. */
                format?: "json" | "csv";
                /** @description Created at or after. Epoch milliseconds or ISO 8601. */
                from?: string;
                /** @description Comma-separated: proactive, corrective, preventive, customer-request, installation. */
                kind?: string;
                /** @description Most rows in this page (at most API_MAX_POINTS). */
                limit?: number;
                /** @description true: not closed or cancelled; false: closed or cancelled. */
                open?: boolean;
                /** @description Comma-separated: critical, high, medium, low. */
                priority?: string;
                siteId?: string;
                /** @description Comma-separated: new, scheduled, assigned, en-route, in-progress, on-hold, completed, cannot-complete, closed, cancelled. */
                status?: string;
                /** @description Created before. Epoch milliseconds or ISO 8601. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrderPage"];
                    "text/csv": string;
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    WorkOrdersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWorkOrder"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrder"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    WorkOrdersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description WO-000042 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrderDetail"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    WorkOrdersController_note: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description WO-000042 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkOrderNote"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrder"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    WorkOrdersController_transition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description WO-000042 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkOrderTransition"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrder"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    WorkOrdersController_diagnose: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DiagnoseRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Diagnosis"];
                };
            };
            /** @description invalid_argument: a parameter or the body is invalid; the message says which and why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description unauthenticated: no API key, or one that is wrong, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description forbidden: the key's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Not ready: which checks are down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotReady"];
                };
            };
        };
    };
}
