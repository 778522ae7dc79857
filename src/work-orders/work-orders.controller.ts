import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { sendPage } from '../common/http/paged-response.js';
import { parseFormat } from '../common/http/query-params.js';
import type { Diagnosis } from './diagnosis/diagnosis.js';
import {
  CREATE_WORK_ORDER_SCHEMA,
  CSV_COLUMNS,
  DIAGNOSE_SCHEMA,
  DIAGNOSIS_RESPONSE_SCHEMA,
  NOTE_SCHEMA,
  TRANSITION_SCHEMA,
  WORK_ORDER_DETAIL_SCHEMA,
  WORK_ORDER_SCHEMA,
} from './work-order.dto.js';
import type { WorkOrderListParams } from './work-order-query.js';
import { PRIORITIES, WORK_ORDER_KINDS, WORK_ORDER_STATUSES, type WorkOrder } from './work-order.js';
import { WorkOrderDiagnosisService } from './work-order-diagnosis.service.js';
import { WorkOrdersService, type WorkOrderDetail } from './work-orders.service.js';

const ORDER = { schema: WORK_ORDER_SCHEMA as object };

@ApiTags('work orders')
@Controller('api/v1/work-orders')
export class WorkOrdersController {
  constructor(
    private readonly orders: WorkOrdersService,
    private readonly diagnoses: WorkOrderDiagnosisService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Work orders, newest first; filters combine; format=csv exports the page' })
  @ApiQuery({
    name: 'status',
    required: false,
    description: `comma list of ${WORK_ORDER_STATUSES.join(', ')}`,
  })
  @ApiQuery({ name: 'kind', required: false, description: `comma list of ${WORK_ORDER_KINDS.join(', ')}` })
  @ApiQuery({ name: 'priority', required: false, description: `comma list of ${PRIORITIES.join(', ')}` })
  @ApiQuery({
    name: 'open',
    required: false,
    description: 'true: not closed or cancelled; false: closed or cancelled',
  })
  @ApiQuery({ name: 'deviceId', required: false })
  @ApiQuery({ name: 'customerId', required: false })
  @ApiQuery({ name: 'siteId', required: false })
  @ApiQuery({ name: 'assignee', required: false })
  @ApiQuery({ name: 'component', required: false })
  @ApiQuery({ name: 'from', required: false, description: 'created at or after (epoch ms or ISO 8601)' })
  @ApiQuery({ name: 'to', required: false, description: 'created before' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { data: { type: 'array', items: WORK_ORDER_SCHEMA as object }, nextCursor: {} },
    },
  })
  async list(
    @Query() q: WorkOrderListParams,
    @Headers('accept') accept: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const format = parseFormat(q.format, accept);
    if (format === 'csv') sendPage(res, format, await this.orders.csv(q), CSV_COLUMNS);
    else sendPage(res, format, await this.orders.list(q), []);
  }

  @Post()
  @ApiOperation({
    summary:
      "Open an order by hand: a customer's request (its words are diagnosed; it joins the open order of the part they point to) or an installation",
  })
  @ApiBody({ schema: CREATE_WORK_ORDER_SCHEMA as object })
  @ApiOkResponse(ORDER)
  create(@Body() body: unknown): Promise<WorkOrder> {
    return this.orders.request(body, Date.now());
  }

  @Post('diagnose')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Diagnose a device now from its recent faults, its gauges and the customer's words, without opening an order",
  })
  @ApiBody({ schema: DIAGNOSE_SCHEMA as object })
  @ApiOkResponse({ schema: DIAGNOSIS_RESPONSE_SCHEMA })
  diagnose(@Body() body: unknown): Promise<Diagnosis> {
    return this.diagnoses.preview(body, Date.now());
  }

  @Get(':id')
  @ApiOperation({ summary: 'One order with its diagnosis, evidence, SLA, billing and full history' })
  @ApiOkResponse({ schema: WORK_ORDER_DETAIL_SCHEMA as object })
  get(@Param('id') id: string): Promise<WorkOrderDetail> {
    return this.orders.get(id);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Move the order (new, scheduled, assigned, en-route, in-progress, on-hold, completed, cannot-complete, closed, cancelled); 409 with the reason when not allowed. Completing sends the maintenance commands to the device.',
  })
  @ApiBody({ schema: TRANSITION_SCHEMA as object })
  @ApiOkResponse(ORDER)
  transition(@Param('id') id: string, @Body() body: unknown): Promise<WorkOrder> {
    return this.orders.transition(id, body, Date.now());
  }

  @Post(':id/notes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add a note to the history' })
  @ApiBody({ schema: NOTE_SCHEMA as object })
  @ApiOkResponse(ORDER)
  note(@Param('id') id: string, @Body() body: unknown): Promise<WorkOrder> {
    return this.orders.addNote(id, body, Date.now());
  }
}
