import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { TypedBody, TypedParams, TypedQuery, TypedResponse } from '../common/http/typed-api.js';
import {
  CreateWorkOrderBody,
  CSV_COLUMNS,
  DiagnoseBody,
  DiagnosisSchema,
  NoteBody,
  TransitionBody,
  WorkOrderDetailSchema,
  WorkOrderIdParams,
  WorkOrderListQuery,
  WorkOrderPage,
  WorkOrderSchema,
} from './work-order.dto.js';
import { csvRow } from './work-order-query.js';
import { WorkOrderDiagnosisService } from './work-order-diagnosis.service.js';
import { WorkOrdersService } from './work-orders.service.js';
import { RequireRole } from '../api-keys/require-role.decorator.js';

type Order = Static<typeof WorkOrderSchema>;

@ApiTags('work orders')
@Controller('api/v1/work-orders')
export class WorkOrdersController {
  constructor(
    private readonly orders: WorkOrdersService,
    private readonly diagnoses: WorkOrderDiagnosisService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Work orders, newest first; filters combine; format=csv exports the page' })
  @TypedResponse(WorkOrderPage, {
    csv: { columns: CSV_COLUMNS, rows: (page) => page.data.map((o) => csvRow(o)) },
  })
  list(@TypedQuery(WorkOrderListQuery) q: WorkOrderListQuery): Promise<Static<typeof WorkOrderPage>> {
    return this.orders.list(q);
  }

  @RequireRole('operator')
  @Post()
  @ApiOperation({
    summary:
      "Open an order by hand: a customer's request (its words are diagnosed; it joins the open order of the part they point to) or an installation",
  })
  @TypedResponse(WorkOrderSchema, { status: 201, errors: [404, 409] })
  create(@TypedBody(CreateWorkOrderBody) body: CreateWorkOrderBody): Promise<Order> {
    return this.orders.request(body, Date.now());
  }

  @RequireRole('operator')
  @Post('diagnose')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Diagnose a device now from its recent faults, its gauges and the customer's words, without opening an order",
  })
  @TypedResponse(DiagnosisSchema, { errors: [404] })
  diagnose(@TypedBody(DiagnoseBody) body: DiagnoseBody): Promise<Static<typeof DiagnosisSchema>> {
    return this.diagnoses.preview(body, Date.now());
  }

  @Get(':id')
  @ApiOperation({ summary: 'One order with its diagnosis, evidence, SLA, billing and full history' })
  @TypedResponse(WorkOrderDetailSchema, { errors: [404] })
  get(@TypedParams(WorkOrderIdParams) p: WorkOrderIdParams): Promise<Static<typeof WorkOrderDetailSchema>> {
    return this.orders.get(p.id);
  }

  @RequireRole('operator')
  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Move the order (new, scheduled, assigned, en-route, in-progress, on-hold, completed, cannot-complete, closed, cancelled); 409 with the reason when not allowed. Completing sends the maintenance commands to the device.',
  })
  @TypedResponse(WorkOrderSchema, { errors: [404, 409] })
  transition(
    @TypedParams(WorkOrderIdParams) p: WorkOrderIdParams,
    @TypedBody(TransitionBody) body: TransitionBody,
  ): Promise<Order> {
    return this.orders.transition(p.id, body, Date.now());
  }

  @RequireRole('operator')
  @Post(':id/notes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add a note to the history' })
  @TypedResponse(WorkOrderSchema, { errors: [404] })
  note(
    @TypedParams(WorkOrderIdParams) p: WorkOrderIdParams,
    @TypedBody(NoteBody) body: NoteBody,
  ): Promise<Order> {
    return this.orders.addNote(p.id, body, Date.now());
  }
}
