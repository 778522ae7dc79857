import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { DiagnosisService } from './diagnosis/diagnosis.service.js';
import type { Diagnosis } from './diagnosis/diagnosis.js';
import type { Symptom } from './diagnosis/symptoms.js';
import type { DiagnoseBody } from './work-order.dto.js';
import { WorkOrderContext } from './work-order-context.js';

/** A diagnosis on request, before any order: what the call centre sees while the customer is on the line. */
@Injectable()
export class WorkOrderDiagnosisService {
  constructor(
    private readonly context: WorkOrderContext,
    private readonly diagnosis: DiagnosisService,
  ) {}

  async preview(req: DiagnoseBody, at: number): Promise<Diagnosis> {
    const ctx = await this.context.of(req.deviceId);
    if (!ctx.device) throw new DomainError(ErrorCode.NotFound, `device ${req.deviceId} is not registered`);
    const extra: Symptom[] = (req.codes ?? []).map((code) => ({ kind: 'fault', code, count: 1, lastAt: at }));
    if (req.description) extra.push({ kind: 'words', text: req.description });
    return this.diagnosis.diagnose({
      deviceId: req.deviceId,
      model: ctx.model,
      faultTable: ctx.faultTable,
      extra,
      at,
    });
  }
}
