import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { parseTime } from '../common/http/query-params.js';
import { TypedBody, TypedParams, TypedQuery, TypedResponse } from '../common/http/typed-api.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TechnicianIdParams } from '../technicians/technician.dto.js';
import { Inject } from '@nestjs/common';
import {
  AnswerBody,
  CustomerParams,
  FEEDBACK_CSV_COLUMNS,
  FeedbackListQuery,
  FeedbackRequestPage,
  FeedbackRequestSchema,
  IssuedLinkSchema,
  LinkViewSchema,
  LoyaltyQuery,
  LoyaltyRiskSchema,
  RequestIdParams,
  SatisfactionQuery,
  SatisfactionSchema,
  TechnicianRatingSchema,
  TokenParams,
} from './feedback.dto.js';
import { FeedbackService, type FeedbackRequestView } from './feedback.service.js';
import { Public, RequireRole } from '../api-keys/require-role.decorator.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const csvRow = (r: FeedbackRequestView): Record<string, string | number | null> => ({
  requestId: r.requestId,
  orderId: r.orderId,
  deviceId: r.deviceId,
  customerId: r.customerId,
  technicianId: r.technicianId,
  visitAt: iso(r.visitAt),
  status: r.status,
  rating: r.rating,
  comment: r.comment,
  answeredAt: iso(r.answeredAt),
});

@ApiTags('feedback')
@Controller('api/v1/feedback')
export class FeedbackController {
  constructor(
    private readonly feedback: FeedbackService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('requests')
  @ApiOperation({ summary: 'Feedback requests, newest first; filters combine; format=csv' })
  @TypedResponse(FeedbackRequestPage, {
    csv: { columns: FEEDBACK_CSV_COLUMNS, rows: (p) => p.data.map(csvRow) },
  })
  list(@TypedQuery(FeedbackListQuery) q: FeedbackListQuery): Promise<Static<typeof FeedbackRequestPage>> {
    return this.feedback.list(q, Date.now());
  }

  @Get('requests/:id')
  @ApiOperation({ summary: 'One feedback request and its answer' })
  @TypedResponse(FeedbackRequestSchema, { errors: [404] })
  get(@TypedParams(RequestIdParams) p: RequestIdParams): Promise<Static<typeof FeedbackRequestSchema>> {
    return this.feedback.get(p.id, Date.now());
  }

  @Post('requests/:id/reissue')
  @RequireRole('operator')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new link for an unanswered request, to send again; the old link stops working',
  })
  @TypedResponse(IssuedLinkSchema, { errors: [404, 409] })
  reissue(@TypedParams(RequestIdParams) p: RequestIdParams): Promise<Static<typeof IssuedLinkSchema>> {
    return this.feedback.reissue(p.id, Date.now());
  }

  // the customer has no API key: the single-use token is the credential
  @Public()
  @Get('links/:token')
  @ApiOperation({ summary: "What a customer's feedback link is about, and whether it can still be used" })
  @TypedResponse(LinkViewSchema, { errors: [404] })
  link(@TypedParams(TokenParams) p: TokenParams): Promise<Static<typeof LinkViewSchema>> {
    return this.feedback.linkView(p.token, Date.now());
  }

  @Public()
  @Post('links/:token')
  @ApiOperation({
    summary:
      'The customer rates the visit (1 to 5, and a comment): once; a link used again or expired answers 409',
  })
  @TypedResponse(FeedbackRequestSchema, { status: 201, errors: [404, 409] })
  answer(
    @TypedParams(TokenParams) p: TokenParams,
    @TypedBody(AnswerBody) body: AnswerBody,
  ): Promise<Static<typeof FeedbackRequestSchema>> {
    return this.feedback.respond(p.token, body.rating, body.comment, Date.now());
  }

  @Get('technicians/:id/rating')
  @ApiOperation({ summary: "A technician's rating: a Bayesian average, so one vote does not dominate" })
  @TypedResponse(TechnicianRatingSchema, { errors: [404] })
  async rating(
    @TypedParams(TechnicianIdParams) p: TechnicianIdParams,
  ): Promise<Static<typeof TechnicianRatingSchema>> {
    return { ...(await this.feedback.technicianRating(p.id)), prior: this.config.feedback.prior };
  }

  @Get('customers/:id/satisfaction')
  @ApiOperation({
    summary: "A customer's satisfaction by month: count, mean, share satisfied, and the trend",
  })
  @TypedResponse(SatisfactionSchema)
  satisfaction(
    @TypedParams(CustomerParams) p: CustomerParams,
    @TypedQuery(SatisfactionQuery) q: SatisfactionQuery,
  ): Promise<Static<typeof SatisfactionSchema>> {
    return this.feedback.satisfaction(p.id, q.from, q.to, Date.now());
  }

  @Get('customers/:id/loyalty-risk')
  @ApiOperation({
    summary:
      "A customer's loyalty risk in [0, 1]: low ratings, repeat failures, SLA breaches and time-and-materials bills, each explained",
  })
  @TypedResponse(LoyaltyRiskSchema)
  loyalty(
    @TypedParams(CustomerParams) p: CustomerParams,
    @TypedQuery(LoyaltyQuery) q: LoyaltyQuery,
  ): Promise<Static<typeof LoyaltyRiskSchema>> {
    const now = Date.now();
    return this.feedback.loyaltyRisk(p.id, q.at ? parseTime('at', q.at, now) : now);
  }
}
