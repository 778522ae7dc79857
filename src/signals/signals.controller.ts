import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { RequireRole } from '../api-keys/require-role.decorator.js';
import { TypedBody, TypedParams, TypedQuery, TypedResponse } from '../common/http/typed-api.js';
import {
  CUSTOMER_CSV_COLUMNS,
  CustomerIdParams,
  CustomerListQuery,
  CustomerRollupPage,
  CustomerSignalsSchema,
  EvaluateQuery,
  SIGNAL_CSV_COLUMNS,
  SignalIdParams,
  SignalListQuery,
  SignalPage,
  SignalRequestAnswerSchema,
  SignalRequestBody,
  SignalRulesSchema,
  SignalRunSummarySchema,
  SignalSchema,
  SignalTransitionBody,
  customerCsvRow,
  signalCsvRow,
} from './signals.dto.js';
import { SignalsEvaluationJob } from './signals-evaluation.job.js';
import { SignalsService } from './signals.service.js';

@ApiTags('signals')
@Controller('api/v1/signals')
export class SignalsController {
  constructor(
    private readonly signals: SignalsService,
    private readonly job: SignalsEvaluationJob,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Upsell signals, newest first: filter by status (comma-separated, or active), kind, rule, offer, customer, site, device; format=csv exports the page',
  })
  @TypedResponse(SignalPage, {
    csv: { columns: SIGNAL_CSV_COLUMNS, rows: (page) => page.data.map(signalCsvRow) },
  })
  list(@TypedQuery(SignalListQuery) q: SignalListQuery): Promise<Static<typeof SignalPage>> {
    return this.signals.list(q);
  }

  @Get('rules')
  @ApiOperation({
    summary:
      'Every rule: what it looks for, its thresholds in force (and per model), won and lost outcomes, observed precision',
  })
  @TypedResponse(SignalRulesSchema)
  async rules(): Promise<Static<typeof SignalRulesSchema>> {
    return { data: await this.signals.rules() };
  }

  @Get('customers')
  @ApiOperation({
    summary: 'Signals rolled up per customer, by the value of their active signals; format=csv',
  })
  @TypedResponse(CustomerRollupPage, {
    csv: { columns: CUSTOMER_CSV_COLUMNS, rows: (page) => page.data.map(customerCsvRow) },
  })
  customers(@TypedQuery(CustomerListQuery) q: CustomerListQuery): Promise<Static<typeof CustomerRollupPage>> {
    return this.signals.customers(q);
  }

  @Get('customers/:customerId')
  @ApiOperation({ summary: "One customer's roll-up with its active signals, most valuable first" })
  @TypedResponse(CustomerSignalsSchema, { errors: [404] })
  customer(
    @TypedParams(CustomerIdParams) p: CustomerIdParams,
  ): Promise<Static<typeof CustomerSignalsSchema>> {
    return this.signals.customer(p.customerId);
  }

  // sales work on signals is field work (docs/security.md): operator
  @Post('requests')
  @RequireRole('operator')
  @ApiOperation({
    summary:
      "A customer's request in their words (an overt signal): classified into an offer, it raises a signal or joins the customer's active one for that offer",
  })
  @TypedResponse(SignalRequestAnswerSchema, { status: 201, errors: [404] })
  request(
    @TypedBody(SignalRequestBody) body: SignalRequestBody,
  ): Promise<Static<typeof SignalRequestAnswerSchema>> {
    return this.signals.request(body, Date.now());
  }

  // a run of the rules recomputes, like a KPI refresh: analyst
  @Post('evaluate')
  @RequireRole('analyst')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Run the rules now (they also run on a schedule): over the devices with new data, or every device with full=true; 409 while another replica runs them',
  })
  @TypedResponse(SignalRunSummarySchema, { errors: [409] })
  evaluate(@TypedQuery(EvaluateQuery) q: EvaluateQuery): Promise<Static<typeof SignalRunSummarySchema>> {
    return this.job.runNow(q.full === true);
  }

  @Get(':signalId')
  @ApiOperation({ summary: 'One signal with its evidence (the numbers behind it), offer, value and history' })
  @TypedResponse(SignalSchema, { errors: [404] })
  get(@TypedParams(SignalIdParams) p: SignalIdParams): Promise<Static<typeof SignalSchema>> {
    return this.signals.get(p.signalId);
  }

  @Post(':signalId/transitions')
  @RequireRole('operator')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Move the signal: open → acknowledged → offered → won or lost, or dismissed (with a reason) before the offer; 409 with the reason when not allowed',
  })
  @TypedResponse(SignalSchema, { errors: [404, 409] })
  transition(
    @TypedParams(SignalIdParams) p: SignalIdParams,
    @TypedBody(SignalTransitionBody) body: SignalTransitionBody,
  ): Promise<Static<typeof SignalSchema>> {
    return this.signals.transition(p.signalId, { ...body, actor: body.actor ?? 'api' }, Date.now());
  }
}
