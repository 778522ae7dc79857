import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { TypedBody, TypedParams, TypedQuery, TypedResponse } from '../common/http/typed-api.js';
import type { PricedLine } from './pay-statement.js';
import {
  PAY_CSV_COLUMNS,
  PayQuery,
  PayStatementSchema,
  PositionBody,
  RequirementList,
  TECHNICIAN_CSV_COLUMNS,
  TechnicianBody,
  TechnicianDetailSchema,
  TechnicianIdParams,
  TechnicianListQuery,
  TechnicianPage,
  TechnicianSchema,
  TechnicianTransitionBody,
} from './technician.dto.js';
import type { Technician } from './technician.js';
import { TechniciansService } from './technicians.service.js';
import { RequireRole } from '../api-keys/require-role.decorator.js';

type TechnicianAnswer = Static<typeof TechnicianSchema>;

/** One technician as a CSV row: skills as `model/component:level`, certifications as `code<expiry date`. */
export function technicianCsvRow(
  t: Technician,
): Record<(typeof TECHNICIAN_CSV_COLUMNS)[number], string | number> {
  return {
    technicianId: t.technicianId,
    name: t.name,
    employment: t.employment,
    status: t.status,
    skills: t.skills.map((s) => `${s.modelId ?? '*'}/${s.component ?? '*'}:${s.level}`).join(';'),
    certifications: t.certifications
      .map((c) => `${c.code}<${new Date(c.expiresAt).toISOString().slice(0, 10)}`)
      .join(';'),
    homeLat: t.homeBase.lat,
    homeLon: t.homeBase.lon,
    timeZone: t.workingHours.timeZone,
    maxJobsPerDay: t.maxJobsPerDay,
    currency: t.rates.currency,
    labourPerHour: t.rates.labourPerHour,
  };
}

const payCsvRow = (l: PricedLine): Record<string, string | number | null> => ({
  orderId: l.orderId,
  completedAt: new Date(l.completedAt).toISOString(),
  deviceId: l.deviceId,
  customerId: l.customerId,
  kind: l.kind,
  labourMinutes: l.labourMinutes,
  travelMinutes: l.travelMinutes,
  travelKm: l.travelKm,
  parts: l.parts.map((p) => `${p.component}×${p.quantity}`).join(';'),
  currency: l.currency,
  labourAmount: l.labourAmount,
  travelAmount: l.travelAmount,
  partsAmount: l.partsAmount,
  visitFee: l.visitFee,
  total: l.total,
});

@ApiTags('technicians')
@Controller('api/v1/technicians')
export class TechniciansController {
  constructor(private readonly technicians: TechniciansService) {}

  @Get()
  @ApiOperation({ summary: 'Technicians by id; filters status (comma-separated) and employment; format=csv' })
  @TypedResponse(TechnicianPage, {
    csv: { columns: TECHNICIAN_CSV_COLUMNS, rows: (p) => p.data.map(technicianCsvRow) },
  })
  list(@TypedQuery(TechnicianListQuery) q: TechnicianListQuery): Promise<Static<typeof TechnicianPage>> {
    return this.technicians.list(q);
  }

  @Post()
  @ApiOperation({
    summary:
      'Take on a technician (employee or freelancer) as a candidate: skills, certifications, home base, hours, territory, rates',
  })
  @TypedResponse(TechnicianSchema, { status: 201, errors: [409] })
  create(@TypedBody(TechnicianBody) body: TechnicianBody): Promise<TechnicianAnswer> {
    return this.technicians.create(body, 'api', Date.now());
  }

  @Get(':id')
  @ApiOperation({ summary: 'One technician with their history' })
  @TypedResponse(TechnicianDetailSchema, { errors: [404] })
  get(
    @TypedParams(TechnicianIdParams) p: TechnicianIdParams,
  ): Promise<Static<typeof TechnicianDetailSchema>> {
    return this.technicians.get(p.id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace the profile (status, identity check and position stay)' })
  @TypedResponse(TechnicianSchema, { errors: [404, 409] })
  replace(
    @TypedParams(TechnicianIdParams) p: TechnicianIdParams,
    @TypedBody(TechnicianBody) body: TechnicianBody,
  ): Promise<TechnicianAnswer> {
    return this.technicians.replace(p.id, body, 'api', Date.now());
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Move the technician: candidate → verified (identity and a valid certification) → active; suspended; offboarded. 409 with the reason when not allowed',
  })
  @TypedResponse(TechnicianSchema, { errors: [404, 409] })
  transition(
    @TypedParams(TechnicianIdParams) p: TechnicianIdParams,
    @TypedBody(TechnicianTransitionBody) body: TechnicianTransitionBody,
  ): Promise<TechnicianAnswer> {
    return this.technicians.transition(p.id, body, Date.now());
  }

  @Post(':id/position')
  @RequireRole('operator')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Where the technician is now (their app); dispatch plans the rest of the day from there',
  })
  @TypedResponse(TechnicianSchema, { errors: [404] })
  position(
    @TypedParams(TechnicianIdParams) p: TechnicianIdParams,
    @TypedBody(PositionBody) body: PositionBody,
  ): Promise<TechnicianAnswer> {
    return this.technicians.setPosition(p.id, body, `technician:${p.id}`, Date.now());
  }

  @Get(':id/pay')
  // what a person is paid: not for every reader of fleet data
  @RequireRole('admin')
  @ApiOperation({
    summary:
      'Pay statement for [from, to): a line per completed visit (labour at their rate, travel, parts, call-out), totals per currency; format=csv',
  })
  @TypedResponse(PayStatementSchema, {
    errors: [404],
    csv: { columns: PAY_CSV_COLUMNS, rows: (s) => s.lines.map(payCsvRow) },
  })
  pay(
    @TypedParams(TechnicianIdParams) p: TechnicianIdParams,
    @TypedQuery(PayQuery) q: PayQuery,
  ): Promise<Static<typeof PayStatementSchema>> {
    return this.technicians.payStatement(p.id, q.from, q.to);
  }
}

@ApiTags('technicians')
@Controller('api/v1/certification-requirements')
export class CertificationRequirementsController {
  constructor(private readonly technicians: TechniciansService) {}

  @Get()
  @ApiOperation({ summary: 'What work needs which certification' })
  @TypedResponse(RequirementList)
  list(): Promise<RequirementList> {
    return this.technicians.requirements();
  }

  @Put()
  @ApiOperation({
    summary:
      'Replace every requirement: work matching a requirement’s models, equipment kinds and components needs its certification',
  })
  @TypedResponse(RequirementList)
  replace(@TypedBody(RequirementList) body: RequirementList): Promise<RequirementList> {
    return this.technicians.replaceRequirements(body);
  }
}
