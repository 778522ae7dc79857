// Generated from the OpenAPI document by `npm run api:types` (openapi-typescript). Do not edit.

export interface paths {
    "/api/v1/alarm-notification-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where alarms are sent: by severity and customer, to an MQTT topic */
        get: operations["AlarmNotificationRulesController_list"];
        put?: never;
        /** Add a notification rule */
        post: operations["AlarmNotificationRulesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarm-notification-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a notification rule */
        delete: operations["AlarmNotificationRulesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alarms, most severe first, then latest; filter by state, severity, device, customer, site, type */
        get: operations["AlarmsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One alarm with its history and comments */
        get: operations["AlarmsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge: someone is on it (409 if acknowledged already) */
        post: operations["AlarmsController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/assignee": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Assign to someone, or unassign with null */
        put: operations["AlarmsController_assign"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/clear": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clear by hand: the condition is gone (409 if cleared already) */
        post: operations["AlarmsController_clear"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a comment to the alarm’s history */
        post: operations["AlarmsController_comment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/work-order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Link the work order that handles the alarm, or unlink with null */
        put: operations["AlarmsController_link"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active alarms by severity and by site; how many wait for an acknowledgement */
        get: operations["AlarmsController_counts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
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
    "/api/v1/certification-requirements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What work needs which certification */
        get: operations["CertificationRequirementsController_list"];
        /** Replace every requirement: work matching a requirement’s models, equipment kinds and components needs its certification */
        put: operations["CertificationRequirementsController_replace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in key’s role, for the console to offer only what it may do */
        get: operations["ConsoleSessionController_get"];
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
    "/api/v1/dispatch/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The last dispatch decision about an order: proposals with explained scores, or why nobody can take it */
        get: operations["DispatchController_decision"];
        put?: never;
        /** Dispatch a waiting order now: assign it to the best technician, or propose the top three (assign: false) */
        post: operations["DispatchController_dispatchNow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch/orders/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A dispatcher gives a waiting order to this technician (a proposal, or anyone who passes the hard rules); 409 with the reasons when they cannot take it */
        post: operations["DispatchController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch/technicians/{id}/days/{day}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A technician's day plan: the route through each visit with its times, travel and lateness */
        get: operations["DispatchController_plan"];
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
    "/api/v1/feedback/customers/{id}/loyalty-risk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's loyalty risk in [0, 1]: low ratings, repeat failures, SLA breaches and time-and-materials bills, each explained */
        get: operations["FeedbackController_loyalty"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feedback/customers/{id}/satisfaction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's satisfaction by month: count, mean, share satisfied, and the trend */
        get: operations["FeedbackController_satisfaction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feedback/links/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a customer's feedback link is about, and whether it can still be used */
        get: operations["FeedbackController_link"];
        put?: never;
        /** The customer rates the visit (1 to 5, and a comment): once; a link used again or expired answers 409 */
        post: operations["FeedbackController_answer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feedback/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Feedback requests, newest first; filters combine; format=csv */
        get: operations["FeedbackController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feedback/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One feedback request and its answer */
        get: operations["FeedbackController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feedback/requests/{id}/reissue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new link for an unanswered request, to send again; the old link stops working */
        post: operations["FeedbackController_reissue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feedback/technicians/{id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A technician's rating: a Bayesian average, so one vote does not dominate */
        get: operations["FeedbackController_rating"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fleet/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The fleet at a glance: presence, fleet KPIs (last 30 days, the 30 before, weekly trend), active alarms, and sites with coordinates and their devices’ state */
        get: operations["FleetOverviewController_get"];
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
    "/api/v1/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live updates as server-sent events (text/event-stream): each event’s data is a LiveEvent as JSON. Send the API key as a header (fetch, not EventSource, which cannot). */
        get: operations["LiveEventsController_stream"];
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
    "/api/v1/signals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Upsell signals, newest first: filter by status (comma-separated, or active), kind, rule, offer, customer, site, device; format=csv exports the page */
        get: operations["SignalsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/signals/{signalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One signal with its evidence (the numbers behind it), offer, value and history */
        get: operations["SignalsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/signals/{signalId}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the signal: open → acknowledged → offered → won or lost, or dismissed (with a reason) before the offer; 409 with the reason when not allowed */
        post: operations["SignalsController_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/signals/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Signals rolled up per customer, by the value of their active signals; format=csv */
        get: operations["SignalsController_customers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/signals/customers/{customerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One customer's roll-up with its active signals, most valuable first */
        get: operations["SignalsController_customer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/signals/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the rules now (they also run on a schedule): over the devices with new data, or every device with full=true; 409 while another replica runs them */
        post: operations["SignalsController_evaluate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/signals/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A customer's request in their words (an overt signal): classified into an offer, it raises a signal or joins the customer's active one for that offer */
        post: operations["SignalsController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/signals/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every rule: what it looks for, its thresholds in force (and per model), won and lost outcomes, observed precision */
        get: operations["SignalsController_rules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/technicians": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Technicians by id; filters status (comma-separated) and employment; format=csv */
        get: operations["TechniciansController_list"];
        put?: never;
        /** Take on a technician (employee or freelancer) as a candidate: skills, certifications, home base, hours, territory, rates */
        post: operations["TechniciansController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/technicians/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One technician with their history */
        get: operations["TechniciansController_get"];
        /** Replace the profile (status, identity check and position stay) */
        put: operations["TechniciansController_replace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/technicians/{id}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pay statement for [from, to): a line per completed visit (labour at their rate, travel, parts, call-out), totals per currency; format=csv */
        get: operations["TechniciansController_pay"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/technicians/{id}/position": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Where the technician is now (their app); dispatch plans the rest of the day from there */
        post: operations["TechniciansController_position"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/technicians/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the technician: candidate → verified (identity and a valid certification) → active; suspended; offboarded. 409 with the reason when not allowed */
        post: operations["TechniciansController_transition"];
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
        Alarm: {
            acknowledged: boolean;
            acknowledgedAt: number | null;
            acknowledgedBy: string | null;
            assignee: string | null;
            clearedAt: number | null;
            /** @description Times raised while active. */
            count: number;
            customerId: string | null;
            /** @description The numbers behind it. */
            details: {
                [key: string]: unknown;
            };
            deviceId: string;
            /** @description Epoch ms. */
            firstRaisedAt: number;
            id: string;
            /** @description Epoch ms of the latest repeat. */
            lastRaisedAt: number;
            message: string;
            /** @enum {string} */
            severity: "critical" | "major" | "minor" | "warning";
            siteId: string | null;
            /** @enum {string} */
            status: "active" | "cleared";
            /** @description fault:<code>, device-offline, risk:<component>, dead-letters (docs/alarms.md). */
            type: string;
            updatedAt: number;
            version: number;
            workOrderId: string | null;
        };
        AlarmAssignment: {
            assignee: string | null;
        };
        AlarmChange: {
            /** @enum {string} */
            action: "raised" | "repeated" | "escalated" | "acknowledged" | "assigned" | "commented" | "linked" | "cleared";
            actor: string;
            at: number;
            note: string | null;
        };
        AlarmComment: {
            text: string;
        };
        AlarmCounts: {
            /** @description Active alarms by severity. */
            active: {
                [key: string]: number;
            };
            bySite: {
                active: number;
                siteId: string;
                /** @enum {string} */
                worst: "critical" | "major" | "minor" | "warning";
            }[];
            /** @description Cleared before anyone acknowledged them. */
            clearedUnacknowledged: number;
            /** @description Active and not acknowledged: nobody is on them yet. */
            unacknowledged: number;
        };
        AlarmDetail: {
            acknowledged: boolean;
            acknowledgedAt: number | null;
            acknowledgedBy: string | null;
            assignee: string | null;
            clearedAt: number | null;
            /** @description Times raised while active. */
            count: number;
            customerId: string | null;
            /** @description The numbers behind it. */
            details: {
                [key: string]: unknown;
            };
            deviceId: string;
            /** @description Epoch ms. */
            firstRaisedAt: number;
            history: components["schemas"]["AlarmChange"][];
            id: string;
            /** @description Epoch ms of the latest repeat. */
            lastRaisedAt: number;
            message: string;
            /** @enum {string} */
            severity: "critical" | "major" | "minor" | "warning";
            siteId: string | null;
            /** @enum {string} */
            status: "active" | "cleared";
            /** @description fault:<code>, device-offline, risk:<component>, dead-letters (docs/alarms.md). */
            type: string;
            updatedAt: number;
            version: number;
            workOrderId: string | null;
        };
        AlarmNote: {
            note?: string;
        };
        AlarmNotificationRule: {
            createdAt: number;
            customerId: string | null;
            id: string;
            /** @enum {string} */
            minSeverity: "critical" | "major" | "minor" | "warning";
            name: string;
            on: ("raised" | "escalated" | "cleared")[];
            /** @description Where the rule sends. */
            target: {
                /** @enum {string} */
                kind: "mqtt";
                /** @description MQTT topic; {deviceId} {severity} {customerId} {siteId} {type} are filled in. */
                topic: string;
            } | {
                /** @enum {string} */
                kind: "webhook";
            };
        };
        AlarmNotificationRuleList: components["schemas"]["AlarmNotificationRule"][];
        AlarmPage: {
            data: components["schemas"]["Alarm"][];
            nextCursor: string | null;
        };
        AlarmWorkOrderLink: {
            workOrderId: string | null;
        };
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
        /** @description Work needs `certification` when it matches every field given: any of the models, any model of the kinds, any of the components. */
        CertificationRequirements: {
            /** @description a certification code: f-gas */
            certification: string;
            components?: string[];
            description?: string;
            equipmentKinds?: string[];
            modelIds?: string[];
            requirementId: string;
        }[];
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
        ConsoleSession: {
            /** @description Whether the API asks for an API key. */
            authRequired: boolean;
            name: string | null;
            role: string | null;
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
        DispatchAccept: {
            /** @description who decided: dispatcher:ann */
            actor: string;
            /** @description the technician who takes the order */
            technicianId: string;
        };
        DispatchDayPlan: {
            day: string;
            /** @description Orders done earlier that day. */
            done: string[];
            /** @description Epoch milliseconds. */
            endsAt: number;
            lateMin: number;
            /** @description Epoch milliseconds. */
            shiftEnd: number;
            /** @description Epoch milliseconds. */
            shiftStart: number;
            start: {
                /** @description Epoch milliseconds. */
                at: number;
                from: string;
                lat: number;
                lon: number;
            };
            stops: {
                /** @description Epoch milliseconds. */
                arrival: number;
                /** @description Epoch milliseconds. */
                departure: number;
                dueAt: number | null;
                lat: number | null;
                lateMin: number;
                lon: number | null;
                orderId: string;
                pinned: boolean;
                priority: string;
                travelKm: number;
                travelMin: number;
            }[];
            technicianId: string;
            travelKm: number;
            /** @description Epoch milliseconds. */
            updatedAt: number;
            version: number;
        };
        DispatchDecision: {
            /** @description Epoch milliseconds. */
            at: number;
            orderId: string;
            /** @enum {string} */
            outcome: "assigned" | "proposed" | "unassignable";
            proposals: components["schemas"]["DispatchProposal"][];
            /** @description Why each technician cannot take the order (hard rules). */
            rejected: {
                reasons: {
                    /** @enum {string} */
                    code: "not-active" | "no-skill" | "certification-missing" | "certification-invalid" | "outside-territory" | "off-duty" | "day-full" | "no-time";
                    detail: string;
                }[];
                technicianId: string;
            }[];
            technicianId: string | null;
        };
        DispatchProposal: {
            /** @description Planned arrival on site. */
            arrival: number;
            /** @description Orders this visit moves out of the day (urgent work). */
            bumps: string[];
            day: string;
            /** @description Epoch milliseconds. */
            departure: number;
            rank: number;
            score: number;
            technicianId: string;
            technicianName: string;
            /** @description Why this score: one line per term. */
            terms: {
                /** @description value × weight: the contributions add up to the score */
                contribution: number;
                detail: string;
                /** @enum {string} */
                term: "travel" | "sla" | "skill" | "rating" | "workload" | "parts";
                /** @description in [0, 1], 1 best */
                value: number;
                /** @description normalised: the weights add up to 1 */
                weight: number;
            }[];
            travelFrom: string;
            travelKm: number;
            warnings: {
                code: string;
                detail: string;
            }[];
        };
        DispatchRequest: {
            /** @description true: assign to the best; false: only propose the top three. Default DISPATCH_AUTO_ASSIGN. */
            assign?: boolean;
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
        FeedbackAnswer: {
            comment?: string;
            /** @description 1 (very unhappy) to 5 (very happy). */
            rating: number;
        };
        FeedbackLink: {
            deviceId: string;
            /** @description Epoch milliseconds. */
            expiresAt: number;
            rating: number | null;
            requestId: string;
            /** @enum {string} */
            status: "open" | "answered" | "expired";
            technicianName: string | null;
            /** @description Epoch milliseconds. */
            visitAt: number;
        };
        FeedbackLinkIssued: {
            /** @description Send this to the customer: it is shown only here. */
            link: string;
            request: {
                answeredAt: number | null;
                comment: string | null;
                /** @description Epoch milliseconds. */
                createdAt: number;
                customerId: string | null;
                deviceId: string;
                /** @description The link works until then. */
                expiresAt: number;
                orderId: string;
                rating: number | null;
                requestId: string;
                siteId: string | null;
                technicianId: string | null;
                /** @description Bumped each time the link is issued again. */
                tokenVersion: number;
                /** @description When the visit was completed. */
                visitAt: number;
            };
        };
        FeedbackRequest: {
            answeredAt: number | null;
            comment: string | null;
            /** @description Epoch milliseconds. */
            createdAt: number;
            customerId: string | null;
            deviceId: string;
            /** @description The link works until then. */
            expiresAt: number;
            orderId: string;
            rating: number | null;
            requestId: string;
            siteId: string | null;
            /** @enum {string} */
            status: "open" | "answered" | "expired";
            technicianId: string | null;
            /** @description Bumped each time the link is issued again. */
            tokenVersion: number;
            /** @description When the visit was completed. */
            visitAt: number;
        };
        FeedbackRequestPage: {
            data: components["schemas"]["FeedbackRequest"][];
            nextCursor: string | null;
        };
        FleetKpiPoint: {
            availability: number | null;
            failures: number;
            /** @description Window start, a UTC midnight. */
            from: number;
            mtbfMs: number | null;
            mttrMs: number | null;
            /** @description Window end, exclusive. */
            to: number;
        };
        FleetOverview: {
            alarms: {
                /** @description Active alarms by severity. */
                active: {
                    [key: string]: number;
                };
                /** @description Active and not acknowledged. */
                unacknowledged: number;
            };
            devices: {
                /** @description Seen, but no birth, will or presence verdict yet. */
                neverTold: number;
                offline: number;
                online: number;
                /** @description Registered devices in service. */
                registered: number;
                /** @description Devices seen on MQTT. */
                seen: number;
                /** @description Seen on MQTT, not in the registry. */
                unregisteredSeen: number;
            };
            /** @description Registered devices in service with no site, or at a site without coordinates. */
            devicesWithoutPlace: number;
            /** @description When the overview was put together. */
            generatedAt: number;
            /** @description Fleet KPIs of the last 30 days, the 30 before, the trend. */
            kpis: {
                computedThrough: number | null;
                current: components["schemas"]["FleetKpiPoint"];
                previous: components["schemas"]["FleetKpiPoint"];
                /** @description By 7 days ending today, oldest first, over the last 52 weeks. */
                trend: components["schemas"]["FleetKpiPoint"][];
            };
            /** @description Sites with coordinates. */
            sites: components["schemas"]["SiteOverview"][];
            workOrders: {
                byStatus: {
                    [key: string]: number;
                };
                /** @description Open, with a response or resolution due time passed or breached. */
                late: number;
                /** @description Not closed or cancelled. */
                open: number;
            };
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
        LiveEvent: {
            /** @description When the server sent it. */
            at: number;
            /** @description What happened, by kind: see docs/console.md, "Live updates". */
            data?: unknown;
            /** @description Devices concerned (telemetry, events, status). */
            deviceIds?: string[];
            /** @enum {string} */
            kind: "device-status" | "telemetry" | "device-events" | "dead-letters" | "kpis" | "alarm" | "work-order" | "prediction" | "heartbeat";
        };
        LoyaltyRisk: {
            /** @description Epoch milliseconds. */
            at: number;
            /** @enum {string} */
            band: "low" | "medium" | "high";
            customerId: string;
            factors: {
                contribution: number;
                counts: {
                    [key: string]: number;
                };
                detail: string;
                /** @enum {string} */
                factor: "lowRatings" | "repeatFailures" | "slaBreaches" | "timeAndMaterials";
                value: number;
                weight: number;
            }[];
            score: number;
            windowDays: number;
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
        NewAlarmNotificationRule: {
            customerId?: string | null;
            /** @enum {string} */
            minSeverity: "critical" | "major" | "minor" | "warning";
            name: string;
            on?: ("raised" | "escalated" | "cleared")[];
            /** @description Where the rule sends. */
            target: {
                /** @enum {string} */
                kind: "mqtt";
                /** @description MQTT topic; {deviceId} {severity} {customerId} {siteId} {type} are filled in. */
                topic: string;
            } | {
                /** @enum {string} */
                kind: "webhook";
            };
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
        PayStatement: {
            /** @description Epoch milliseconds. */
            from: number;
            lines: {
                /** @description Epoch milliseconds. */
                completedAt: number;
                currency: string;
                customerId: string | null;
                deviceId: string;
                kind: string;
                labourAmount: number;
                labourMinutes: number;
                orderId: string;
                parts: {
                    component: string;
                    quantity: number;
                }[];
                partsAmount: number;
                rates: {
                    currency: string;
                    labourPerHour: number;
                    perKm: number;
                    perPartFitted: number;
                    perVisit: number;
                    travelPerHour: number;
                };
                technicianId: string;
                total: number;
                travelAmount: number;
                travelKm: number;
                travelMinutes: number;
                visitFee: number;
            }[];
            name: string;
            technicianId: string;
            /** @description Epoch milliseconds. */
            to: number;
            /** @description One per currency. */
            totals: {
                currency: string;
                labour: number;
                labourMinutes: number;
                parts: number;
                partsFitted: number;
                total: number;
                travel: number;
                travelKm: number;
                travelMinutes: number;
                visit: number;
                visits: number;
            }[];
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
        SatisfactionTrend: {
            count: number;
            customerId: string;
            /** @enum {string} */
            direction: "improving" | "steady" | "worsening" | "unknown";
            /** @description Epoch milliseconds. */
            from: number;
            periods: {
                count: number;
                /** @description Epoch milliseconds. */
                end: number;
                /** @description 2026-03 */
                label: string;
                mean: number | null;
                satisfied: number | null;
                /** @description Epoch milliseconds. */
                start: number;
            }[];
            /** @description Bayesian average over the range. */
            rating: number;
            slopePerMonth: number | null;
            /** @description Epoch milliseconds. */
            to: number;
        };
        Signal: {
            closedAt: number | null;
            confidence: number;
            currency: string;
            customerId: string;
            deviceId: string | null;
            deviceIds: string[];
            /** @description Sum over devices of the best evidence value of each. */
            estimatedValue: number;
            evidence: components["schemas"]["SignalEvidence"][];
            history: components["schemas"]["SignalChange"][];
            id: string;
            /** @enum {string} */
            kind: "overt" | "passive" | "observed";
            offer: components["schemas"]["SignalOffer"];
            /** @description One active signal per customer and offer key. */
            offerKey: string;
            /** @description Epoch milliseconds. */
            raisedAt: number;
            reason: string;
            /** @enum {string} */
            rule: "overt-request" | "repeat-breakdowns" | "tm-after-warranty" | "capacity" | "department-imbalance" | "growing-volume" | "overuse" | "misuse" | "underuse" | "contract-ending" | "cost-to-serve";
            rules: ("overt-request" | "repeat-breakdowns" | "tm-after-warranty" | "capacity" | "department-imbalance" | "growing-volume" | "overuse" | "misuse" | "underuse" | "contract-ending" | "cost-to-serve")[];
            siteId: string | null;
            /** @enum {string} */
            status: "open" | "acknowledged" | "offered" | "won" | "lost" | "dismissed";
            statusReason: string | null;
            /** @description Epoch milliseconds. */
            updatedAt: number;
            version: number;
        };
        SignalChange: {
            actor: string;
            /** @description Epoch milliseconds. */
            at: number;
            deviceId?: string | null;
            /** @enum {string} */
            from?: "open" | "acknowledged" | "offered" | "won" | "lost" | "dismissed";
            note?: string;
            reason?: string;
            /** @enum {string} */
            rule?: "overt-request" | "repeat-breakdowns" | "tm-after-warranty" | "capacity" | "department-imbalance" | "growing-volume" | "overuse" | "misuse" | "underuse" | "contract-ending" | "cost-to-serve";
            /** @enum {string} */
            to?: "open" | "acknowledged" | "offered" | "won" | "lost" | "dismissed";
            /** @enum {string} */
            type: "raised" | "evidence-added" | "transition";
        };
        SignalCustomer: {
            /** @description Open, acknowledged and offered signals. */
            active: number;
            /** @description Most valuable first. */
            activeSignals: components["schemas"]["Signal"][];
            /** @description Estimated value of the active signals. */
            activeValue: number;
            byStatus: {
                acknowledged: number;
                dismissed: number;
                lost: number;
                offered: number;
                open: number;
                won: number;
            };
            customerId: string;
            lastRaisedAt: number | null;
            wonValue: number;
        };
        SignalCustomerPage: {
            data: components["schemas"]["SignalCustomerRollup"][];
            nextCursor: string | null;
        };
        SignalCustomerRollup: {
            /** @description Open, acknowledged and offered signals. */
            active: number;
            /** @description Estimated value of the active signals. */
            activeValue: number;
            byStatus: {
                acknowledged: number;
                dismissed: number;
                lost: number;
                offered: number;
                open: number;
                won: number;
            };
            customerId: string;
            lastRaisedAt: number | null;
            wonValue: number;
        };
        SignalEvidence: {
            confidence: number;
            deviceId: string | null;
            estimatedValue: number;
            /** @description The numbers behind the reason: usage per month, rated duty, counts, dates, the words. */
            figures: {
                [key: string]: number | string | boolean | null | (number | null)[] | string[];
            };
            /** @description Epoch milliseconds. */
            firstSeenAt: number;
            /** @enum {string} */
            kind: "overt" | "passive" | "observed";
            /** @description When a rule last found it (refreshed at every evaluation that does). */
            lastSeenAt: number;
            reason: string;
            /** @enum {string} */
            rule: "overt-request" | "repeat-breakdowns" | "tm-after-warranty" | "capacity" | "department-imbalance" | "growing-volume" | "overuse" | "misuse" | "underuse" | "contract-ending" | "cost-to-serve";
        };
        SignalOffer: {
            description: string;
            /** @enum {string} */
            kind: "upgrade" | "extended-warranty" | "contract-renewal" | "full-service-contract" | "pm-plan" | "consolidation" | "user-training" | "additional-capacity" | "consultation";
            productId: string | null;
        };
        SignalPage: {
            data: components["schemas"]["Signal"][];
            nextCursor: string | null;
        };
        SignalRequest: {
            /** @description Who does it: a salesperson, a CRM integration (kept in the history). */
            actor?: string;
            /** @description email, phone, portal, technician … */
            channel?: string;
            /** @description Who asked. */
            contact?: string;
            customerId: string;
            /** @description The machine the request is about, when there is one. */
            deviceId?: string;
            /** @description The customer's words, as said or written. */
            text: string;
        };
        SignalRequestAnswer: {
            classification: {
                confidence: number;
                /** @description The phrases that decided it. */
                matched: string[];
                /** @enum {string} */
                offer: "upgrade" | "extended-warranty" | "contract-renewal" | "full-service-contract" | "pm-plan" | "consolidation" | "user-training" | "additional-capacity" | "consultation";
            };
            /** @description true: a new signal; false: joined the customer's active signal for that offer. */
            created: boolean;
            signal: components["schemas"]["Signal"];
        };
        SignalRule: {
            description: string;
            /** @enum {string} */
            id: "overt-request" | "repeat-breakdowns" | "tm-after-warranty" | "capacity" | "department-imbalance" | "growing-volume" | "overuse" | "misuse" | "underuse" | "contract-ending" | "cost-to-serve";
            /** @enum {string} */
            kind: "overt" | "passive" | "observed";
            /** @description Models with thresholds of their own: the section in force for each. */
            modelOverrides: {
                [key: string]: {
                    [key: string]: unknown;
                };
            };
            observedPrecision: number | null;
            outcomes: {
                acknowledged: number;
                dismissed: number;
                lost: number;
                offered: number;
                open: number;
                won: number;
            };
            /** @description Thresholds in force for every model (SIGNALS_RULES_FILE over the defaults). */
            settings: {
                [key: string]: unknown;
            };
        };
        SignalRules: {
            data: components["schemas"]["SignalRule"][];
        };
        SignalRunSummary: {
            /** @description Complete months end before this (the KPI ledger computed up to it). */
            asOf: number;
            changed: number;
            conflicts: number;
            customers: number;
            devices: number;
            findings: number;
            findingsByRule: {
                [key: string]: number;
            };
            full: boolean;
            /** @description Epoch milliseconds. */
            now: number;
            raised: number;
            refreshed: number;
            ruleFailures: number;
            /** @description Findings held back by a cool-down. */
            suppressed: number;
            withoutSite: number;
        };
        SignalTransition: {
            /** @description Who does it: a salesperson, a CRM integration (kept in the history). */
            actor?: string;
            note?: string;
            /** @description Required to dismiss; why a deal was lost. */
            reason?: string;
            /** @enum {string} */
            to: "open" | "acknowledged" | "offered" | "won" | "lost" | "dismissed";
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
        SiteOverview: {
            /** @description Alarms not cleared, of the devices at the site. */
            activeAlarms: number;
            customerId: string;
            customerName: string | null;
            /** @description Registered devices in service at the site. */
            devices: number;
            lat: number;
            lon: number;
            name: string;
            offline: number;
            online: number;
            siteId: string;
            worstSeverity: string | null;
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
        Technician: {
            absences: {
                /** @description Epoch milliseconds. */
                from: number;
                reason: string;
                /** @description Epoch milliseconds. */
                to: number;
            }[];
            certifications: {
                code: string;
                expiredNoticeAt: number | null;
                /** @description First instant it is no longer valid. */
                expiresAt: number;
                /** @description Epoch milliseconds. */
                issuedAt: number;
                name?: string;
                warnedAt: number | null;
            }[];
            /** @description Epoch milliseconds. */
            createdAt: number;
            email?: string;
            /** @enum {string} */
            employment: "employee" | "freelancer";
            /** @description Home base. */
            homeBase: {
                lat: number;
                lon: number;
            };
            identityCheckedAt: number | null;
            identityCheckedBy: string | null;
            maxJobsPerDay: number;
            name: string;
            phone?: string;
            position: {
                /** @description Epoch milliseconds. */
                at: number;
                lat: number;
                lon: number;
            } | null;
            rates: {
                currency: string;
                labourPerHour: number;
                perKm: number;
                perPartFitted: number;
                perVisit: number;
                travelPerHour: number;
            };
            skills: {
                /** @description a component: fuser */
                component?: string;
                /** @description 1 trainee, 2 works alone, 3 experienced, 4 expert, 5 trains others */
                level: number;
                /** @description a model: the skill covers its components */
                modelId?: string;
            }[];
            /** @enum {string} */
            status: "candidate" | "verified" | "active" | "suspended" | "offboarded";
            statusReason: string | null;
            technicianId: string;
            territory: {
                /** @description Circles the technician covers; none and no siteIds: everywhere. */
                areas: {
                    lat: number;
                    lon: number;
                    radiusKm: number;
                }[];
                name?: string;
                /** @description Sites covered wherever they are. */
                siteIds?: string[];
            };
            /** @description Epoch milliseconds. */
            updatedAt: number;
            vanStock: {
                /** @description a component: fuser */
                component: string;
                quantity: number;
            }[];
            version: number;
            workingHours: {
                /** @description One shift a weekday at most. */
                shifts: {
                    /** @description HH:MM local time, after start */
                    end: string;
                    /** @description HH:MM local time */
                    start: string;
                    /** @description ISO weekday: 1 Monday … 7 Sunday */
                    weekday: number;
                }[];
                /** @description IANA zone: Europe/Paris */
                timeZone: string;
            };
        };
        TechnicianDetail: {
            absences: {
                /** @description Epoch milliseconds. */
                from: number;
                reason: string;
                /** @description Epoch milliseconds. */
                to: number;
            }[];
            certifications: {
                code: string;
                expiredNoticeAt: number | null;
                /** @description First instant it is no longer valid. */
                expiresAt: number;
                /** @description Epoch milliseconds. */
                issuedAt: number;
                name?: string;
                warnedAt: number | null;
            }[];
            /** @description Epoch milliseconds. */
            createdAt: number;
            email?: string;
            /** @enum {string} */
            employment: "employee" | "freelancer";
            history: {
                actor: string;
                /** @description Epoch milliseconds. */
                at: number;
                data?: {
                    [key: string]: unknown;
                };
                /** @enum {string} */
                from?: "candidate" | "verified" | "active" | "suspended" | "offboarded";
                note?: string;
                /** @enum {string} */
                to?: "candidate" | "verified" | "active" | "suspended" | "offboarded";
                /** @enum {string} */
                type: "created" | "profile" | "transition" | "certification" | "position";
            }[];
            /** @description Home base. */
            homeBase: {
                lat: number;
                lon: number;
            };
            identityCheckedAt: number | null;
            identityCheckedBy: string | null;
            maxJobsPerDay: number;
            name: string;
            phone?: string;
            position: {
                /** @description Epoch milliseconds. */
                at: number;
                lat: number;
                lon: number;
            } | null;
            rates: {
                currency: string;
                labourPerHour: number;
                perKm: number;
                perPartFitted: number;
                perVisit: number;
                travelPerHour: number;
            };
            skills: {
                /** @description a component: fuser */
                component?: string;
                /** @description 1 trainee, 2 works alone, 3 experienced, 4 expert, 5 trains others */
                level: number;
                /** @description a model: the skill covers its components */
                modelId?: string;
            }[];
            /** @enum {string} */
            status: "candidate" | "verified" | "active" | "suspended" | "offboarded";
            statusReason: string | null;
            technicianId: string;
            territory: {
                /** @description Circles the technician covers; none and no siteIds: everywhere. */
                areas: {
                    lat: number;
                    lon: number;
                    radiusKm: number;
                }[];
                name?: string;
                /** @description Sites covered wherever they are. */
                siteIds?: string[];
            };
            /** @description Epoch milliseconds. */
            updatedAt: number;
            vanStock: {
                /** @description a component: fuser */
                component: string;
                quantity: number;
            }[];
            version: number;
            workingHours: {
                /** @description One shift a weekday at most. */
                shifts: {
                    /** @description HH:MM local time, after start */
                    end: string;
                    /** @description HH:MM local time */
                    start: string;
                    /** @description ISO weekday: 1 Monday … 7 Sunday */
                    weekday: number;
                }[];
                /** @description IANA zone: Europe/Paris */
                timeZone: string;
            };
        };
        TechnicianInput: {
            absences?: {
                /** @description From. Epoch milliseconds, a date (YYYY-MM-DD) or RFC 3339. */
                from: number | string;
                reason: string;
                /** @description To (a date: through that day). Epoch milliseconds, a date (YYYY-MM-DD) or RFC 3339. */
                to: number | string;
            }[];
            certifications: {
                /** @description a certification code: f-gas */
                code: string;
                /** @description Expires (a date: valid through that day). Epoch milliseconds, a date (YYYY-MM-DD) or RFC 3339. */
                expiresAt: number | string;
                /** @description Issued. Epoch milliseconds, a date (YYYY-MM-DD) or RFC 3339. */
                issuedAt: number | string;
                name?: string;
            }[];
            email?: string;
            /** @enum {string} */
            employment: "employee" | "freelancer";
            /** @description Where the technician starts and ends the day. */
            homeBase: {
                lat: number;
                lon: number;
            };
            maxJobsPerDay: number;
            name: string;
            phone?: string;
            rates: {
                /** @description ISO 4217: EUR */
                currency: string;
                /** @description Paid per hour on site. */
                labourPerHour: number;
                /** @description Paid per km driven. */
                perKm: number;
                /** @description A fee per part fitted (default 0). */
                perPartFitted?: number;
                /** @description A call-out fee per visit (default 0). */
                perVisit?: number;
                /** @description Paid per hour of travel. */
                travelPerHour: number;
            };
            skills: {
                /** @description a component: fuser */
                component?: string;
                /** @description 1 trainee, 2 works alone, 3 experienced, 4 expert, 5 trains others */
                level: number;
                /** @description a model: the skill covers its components */
                modelId?: string;
            }[];
            technicianId: string;
            territory: {
                /** @description Circles the technician covers; none and no siteIds: everywhere. */
                areas: {
                    lat: number;
                    lon: number;
                    radiusKm: number;
                }[];
                name?: string;
                /** @description Sites covered wherever they are. */
                siteIds?: string[];
            };
            /** @description Parts in the van. */
            vanStock?: {
                /** @description a component: fuser */
                component: string;
                quantity: number;
            }[];
            workingHours: {
                /** @description One shift a weekday at most. */
                shifts: {
                    /** @description HH:MM local time, after start */
                    end: string;
                    /** @description HH:MM local time */
                    start: string;
                    /** @description ISO weekday: 1 Monday … 7 Sunday */
                    weekday: number;
                }[];
                /** @description IANA zone: Europe/Paris */
                timeZone: string;
            };
        };
        TechnicianPage: {
            data: components["schemas"]["Technician"][];
            nextCursor: string | null;
        };
        TechnicianPosition: {
            /** @description When (default: now). Epoch milliseconds, a date (YYYY-MM-DD) or RFC 3339. */
            at?: number | string;
            lat: number;
            lon: number;
        };
        TechnicianRating: {
            count: number;
            mean: number | null;
            prior: {
                mean: number;
                weight: number;
            };
            /** @description Bayesian average: (prior weight × prior mean + sum) / (prior weight + count). */
            rating: number;
            technicianId: string;
        };
        TechnicianTransition: {
            actor: string;
            /** @description The actor checked the identity (papers, right to work): needed to verify. */
            identityChecked?: boolean;
            note?: string;
            /** @enum {string} */
            to: "candidate" | "verified" | "active" | "suspended" | "offboarded";
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
    AlarmNotificationRulesController_list: {
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
                    "application/json": components["schemas"]["AlarmNotificationRuleList"];
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
    AlarmNotificationRulesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewAlarmNotificationRule"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlarmNotificationRule"];
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
    AlarmNotificationRulesController_remove: {
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
    AlarmsController_list: {
        parameters: {
            query?: {
                acknowledged?: boolean;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                customerId?: string;
                /** @description Device id: its MQTT client id and topic segment. */
                deviceId?: string;
                /** @description csv answers CSV (so does `Accept: text/csv`), the cursor in `X-Next-Cursor`. */
                format?: "json" | "csv";
                /** @description Most rows in this page (at most API_MAX_POINTS). */
                limit?: number;
                severity?: "critical" | "major" | "minor" | "warning";
                siteId?: string;
                status?: "active" | "cleared";
                /** @description Exact, or a prefix ending in ":" (fault:, risk:). */
                type?: string;
                workOrderId?: string;
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
                    "application/json": components["schemas"]["AlarmPage"];
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
    AlarmsController_get: {
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
                    "application/json": components["schemas"]["AlarmDetail"];
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
    AlarmsController_acknowledge: {
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
                "application/json": components["schemas"]["AlarmNote"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlarmDetail"];
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
    AlarmsController_assign: {
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
                "application/json": components["schemas"]["AlarmAssignment"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlarmDetail"];
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
    AlarmsController_clear: {
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
                "application/json": components["schemas"]["AlarmNote"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlarmDetail"];
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
    AlarmsController_comment: {
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
                "application/json": components["schemas"]["AlarmComment"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlarmDetail"];
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
    AlarmsController_link: {
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
                "application/json": components["schemas"]["AlarmWorkOrderLink"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlarmDetail"];
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
    AlarmsController_counts: {
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
                    "application/json": components["schemas"]["AlarmCounts"];
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
    CertificationRequirementsController_list: {
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
                    "application/json": components["schemas"]["CertificationRequirements"];
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
    CertificationRequirementsController_replace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CertificationRequirements"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificationRequirements"];
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
    ConsoleSessionController_get: {
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
                    "application/json": components["schemas"]["ConsoleSession"];
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
    DispatchController_decision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description work order id */
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
                    "application/json": components["schemas"]["DispatchDecision"];
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
    DispatchController_dispatchNow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description work order id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DispatchRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DispatchDecision"];
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
    DispatchController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description work order id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DispatchAccept"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DispatchDecision"];
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
    DispatchController_plan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description local date in the technician's zone */
                day: string;
                /** @description technician id */
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
                    "application/json": components["schemas"]["DispatchDayPlan"];
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
    FeedbackController_loyalty: {
        parameters: {
            query?: {
                /** @description As of (default: now). */
                at?: string;
            };
            header?: never;
            path: {
                /** @description customer id */
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
                    "application/json": components["schemas"]["LoyaltyRisk"];
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
    FeedbackController_satisfaction: {
        parameters: {
            query?: {
                /** @description Default: a year before `to`. */
                from?: string;
                /** @description Default: now. */
                to?: string;
            };
            header?: never;
            path: {
                /** @description customer id */
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
                    "application/json": components["schemas"]["SatisfactionTrend"];
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
    FeedbackController_link: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The single-use token of the link. */
                token: string;
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
                    "application/json": components["schemas"]["FeedbackLink"];
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
    FeedbackController_answer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The single-use token of the link. */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeedbackAnswer"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackRequest"];
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
    FeedbackController_list: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                customerId?: string;
                /** @description csv answers CSV (so does `Accept: text/csv`), the cursor in `X-Next-Cursor`. */
                format?: "json" | "csv";
                /** @description Most rows in this page (at most API_MAX_POINTS). */
                limit?: number;
                orderId?: string;
                status?: "open" | "answered" | "expired";
                technicianId?: string;
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
                    "application/json": components["schemas"]["FeedbackRequestPage"];
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
    FeedbackController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description FB-000042 */
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
                    "application/json": components["schemas"]["FeedbackRequest"];
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
    FeedbackController_reissue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description FB-000042 */
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
                    "application/json": components["schemas"]["FeedbackLinkIssued"];
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
    FeedbackController_rating: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description technician id */
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
                    "application/json": components["schemas"]["TechnicianRating"];
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
    FleetOverviewController_get: {
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
                    "application/json": components["schemas"]["FleetOverview"];
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
    LiveEventsController_stream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A stream of `data: <LiveEvent JSON>` events, a heartbeat every 15 s */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["LiveEvent"];
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
    SignalsController_list: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                customerId?: string;
                /** @description Signals with evidence on this device. */
                deviceId?: string;
                /** @description csv answers CSV (so does `Accept: text/csv`), the cursor in `X-Next-Cursor`. */
                format?: "json" | "csv";
                kind?: "overt" | "passive" | "observed";
                /** @description Most rows in this page (at most API_MAX_POINTS). */
                limit?: number;
                offer?: "upgrade" | "extended-warranty" | "contract-renewal" | "full-service-contract" | "pm-plan" | "consolidation" | "user-training" | "additional-capacity" | "consultation";
                /** @description Signals with evidence from this rule. */
                rule?: "overt-request" | "repeat-breakdowns" | "tm-after-warranty" | "capacity" | "department-imbalance" | "growing-volume" | "overuse" | "misuse" | "underuse" | "contract-ending" | "cost-to-serve";
                siteId?: string;
                /** @description Comma-separated: open, acknowledged, offered, won, lost, dismissed; or active. */
                status?: string;
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
                    "application/json": components["schemas"]["SignalPage"];
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
    SignalsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description sig-0c4f2a9b1e77 */
                signalId: string;
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
                    "application/json": components["schemas"]["Signal"];
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
    SignalsController_transition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description sig-0c4f2a9b1e77 */
                signalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignalTransition"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Signal"];
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
    SignalsController_customers: {
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
                    "application/json": components["schemas"]["SignalCustomerPage"];
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
    SignalsController_customer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customerId: string;
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
                    "application/json": components["schemas"]["SignalCustomer"];
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
    SignalsController_evaluate: {
        parameters: {
            query?: {
                /** @description true: every device; default: the devices with new data since the last run. */
                full?: boolean;
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
                    "application/json": components["schemas"]["SignalRunSummary"];
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
    SignalsController_request: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignalRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignalRequestAnswer"];
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
    SignalsController_rules: {
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
                    "application/json": components["schemas"]["SignalRules"];
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
    TechniciansController_list: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                employment?: "employee" | "freelancer";
                /** @description csv answers CSV (so does `Accept: text/csv`), the cursor in `X-Next-Cursor`. */
                format?: "json" | "csv";
                /** @description Most rows in this page (at most API_MAX_POINTS). */
                limit?: number;
                /** @description Comma-separated: candidate, verified, active, suspended, offboarded. */
                status?: string;
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
                    "application/json": components["schemas"]["TechnicianPage"];
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
    TechniciansController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TechnicianInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Technician"];
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
    TechniciansController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description technician id */
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
                    "application/json": components["schemas"]["TechnicianDetail"];
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
    TechniciansController_replace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description technician id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TechnicianInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Technician"];
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
    TechniciansController_pay: {
        parameters: {
            query: {
                /** @description csv answers CSV (so does `Accept: text/csv`), the cursor in `X-Next-Cursor`. */
                format?: "json" | "csv";
                /** @description Completed at or after. Epoch ms or ISO 8601. */
                from: string;
                /** @description Completed before. Epoch ms or ISO 8601. */
                to: string;
            };
            header?: never;
            path: {
                /** @description technician id */
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
                    "application/json": components["schemas"]["PayStatement"];
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
    TechniciansController_position: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description technician id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TechnicianPosition"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Technician"];
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
    TechniciansController_transition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description technician id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TechnicianTransition"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Technician"];
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
