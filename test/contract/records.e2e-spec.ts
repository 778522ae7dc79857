import { pgliteRecords, postgresRecords } from '../helpers/records.js';
import { describeAlarmRepositoryContract } from './alarm.contract.js';
import { describeApiKeyRepositoryContract } from './api-key.contract.js';
import { describeAuditLogRepositoryContract } from './audit-log.contract.js';
import { describeDeadLetterRepositoryContract } from './dead-letter.contract.js';
import { describeDeviceIdentityRepositoryContract } from './device-identity.contract.js';
import { describeDeviceRepositoryContract } from './device.contract.js';
import { describeDispatchPlanRepositoryContract } from './dispatch-plan.contract.js';
import { describeFeedbackRepositoryContract } from './feedback.contract.js';
import { describeJobLeaseRepositoryContract } from './job-lease.contract.js';
import { describeKpiOutageRepositoryContract } from './kpi-outage.contract.js';
import { describeKpiRefreshJobRepositoryContract } from './kpi-refresh-job.contract.js';
import { describeKpiStateRepositoryContract } from './kpi-state.contract.js';
import { describePredictionRepositoryContract } from './prediction.contract.js';
import { describeRegistryRepositoryContract } from './registry.contract.js';
import { describeTechnicianRepositoryContract } from './technician.contract.js';
import { describeMaintenancePlanRepositoryContract } from './maintenance-plan.contract.js';
import { describeWebhookRepositoryContract } from './webhook.contract.js';
import { describeWorkOrderRepositoryContract } from './work-order.contract.js';
import { describeSignalRepositoryContract } from './signal.contract.js';

// every records repository on the embedded default and on a real PostgreSQL (Debian's, on a
// free port): one database each, emptied before each test
for (const records of [pgliteRecords(), postgresRecords()]) {
  describe(`Records on ${records.name}`, () => {
    beforeAll(records.start, 60_000);
    afterAll(records.stop);

    describeRegistryRepositoryContract(records.name, records.empty);
    describeDeviceRepositoryContract(records.name, records.empty);
    describeDeadLetterRepositoryContract(records.name, records.empty);
    describeKpiStateRepositoryContract(records.name, records.empty);
    describeKpiOutageRepositoryContract(records.name, records.empty);
    describeKpiRefreshJobRepositoryContract(records.name, records.empty, records.connect);
    describeJobLeaseRepositoryContract(records.name, records.empty, records.connect);
    describePredictionRepositoryContract(records.name, records.empty);
    describeAlarmRepositoryContract(records.name, records.empty, records.connect);
    describeDeviceIdentityRepositoryContract(records.name, records.empty, records.connect);
    describeApiKeyRepositoryContract(records.name, records.empty);
    describeAuditLogRepositoryContract(records.name, records.empty);
    describeWorkOrderRepositoryContract(records.name, records.empty, records.connect);
    describeMaintenancePlanRepositoryContract(records.name, records.empty);
    describeWebhookRepositoryContract(records.name, records.empty);
    describeTechnicianRepositoryContract(records.name, records.empty, records.connect);
    describeFeedbackRepositoryContract(records.name, records.empty, records.connect);
    describeDispatchPlanRepositoryContract(records.name, records.empty, records.connect);
    describeSignalRepositoryContract(records.name, records.empty, records.connect);
  });
}
