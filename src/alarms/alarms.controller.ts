import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { RequireRole } from '../api-keys/require-role.decorator.js';
import { Actor } from '../common/http/actor.decorator.js';
import { TypedBody, TypedParams, TypedQuery, TypedResponse } from '../common/http/typed-api.js';
import type { Alarm, AlarmDetail } from './alarm.js';
import type { NotificationRule } from './alarm-notification.js';
import type { AlarmCounts } from './alarm.repository.js';
import {
  ALARM_CSV_COLUMNS,
  AlarmCountsSchema,
  AlarmDetailSchema,
  AlarmIdParams,
  AlarmPage,
  AlarmQuery,
  AssignBody,
  CommentBody,
  NewNotificationRuleSchema,
  NoteBody,
  NotificationRuleList,
  NotificationRuleSchema,
  WorkOrderLinkBody,
  type NewNotificationRule,
} from './alarms.dto.js';
import { AlarmsService } from './alarms.service.js';

type IdParams = Static<typeof AlarmIdParams>;

@ApiTags('alarms')
@Controller('api/v1/alarms')
export class AlarmsController {
  constructor(private readonly alarms: AlarmsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Alarms, most severe first, then latest; filter by state, severity, device, customer, site, type',
  })
  @TypedResponse(AlarmPage, { csv: { columns: ALARM_CSV_COLUMNS } })
  list(@TypedQuery(AlarmQuery) q: AlarmQuery): Promise<{ data: Alarm[]; nextCursor: string | null }> {
    return this.alarms.list(q);
  }

  @Get('counts')
  @ApiOperation({ summary: 'Active alarms by severity and by site; how many wait for an acknowledgement' })
  @TypedResponse(AlarmCountsSchema)
  counts(): Promise<AlarmCounts> {
    return this.alarms.counts();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One alarm with its history and comments' })
  @TypedResponse(AlarmDetailSchema, { errors: [404] })
  get(@TypedParams(AlarmIdParams) p: IdParams): Promise<AlarmDetail> {
    return this.alarms.get(p.id);
  }

  @Post(':id/acknowledge')
  @RequireRole('operator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge: someone is on it (409 if acknowledged already)' })
  @TypedResponse(AlarmDetailSchema, { errors: [404, 409] })
  acknowledge(
    @TypedParams(AlarmIdParams) p: IdParams,
    @TypedBody(NoteBody) b: Static<typeof NoteBody>,
    @Actor() actor: string,
  ): Promise<AlarmDetail> {
    return this.alarms.edit(p.id, { kind: 'acknowledge', note: b.note }, actor);
  }

  @Post(':id/clear')
  @RequireRole('operator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Clear by hand: the condition is gone (409 if cleared already)' })
  @TypedResponse(AlarmDetailSchema, { errors: [404, 409] })
  clear(
    @TypedParams(AlarmIdParams) p: IdParams,
    @TypedBody(NoteBody) b: Static<typeof NoteBody>,
    @Actor() actor: string,
  ): Promise<AlarmDetail> {
    return this.alarms.edit(p.id, { kind: 'clear', note: b.note }, actor);
  }

  @Put(':id/assignee')
  @RequireRole('operator')
  @ApiOperation({ summary: 'Assign to someone, or unassign with null' })
  @TypedResponse(AlarmDetailSchema, { errors: [404, 409] })
  assign(
    @TypedParams(AlarmIdParams) p: IdParams,
    @TypedBody(AssignBody) b: Static<typeof AssignBody>,
    @Actor() actor: string,
  ): Promise<AlarmDetail> {
    return this.alarms.edit(p.id, { kind: 'assign', assignee: b.assignee }, actor);
  }

  @Post(':id/comments')
  @RequireRole('operator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add a comment to the alarm’s history' })
  @TypedResponse(AlarmDetailSchema, { errors: [404] })
  comment(
    @TypedParams(AlarmIdParams) p: IdParams,
    @TypedBody(CommentBody) b: Static<typeof CommentBody>,
    @Actor() actor: string,
  ): Promise<AlarmDetail> {
    return this.alarms.edit(p.id, { kind: 'comment', text: b.text }, actor);
  }

  @Put(':id/work-order')
  @RequireRole('operator')
  @ApiOperation({ summary: 'Link the work order that handles the alarm, or unlink with null' })
  @TypedResponse(AlarmDetailSchema, { errors: [404, 409] })
  link(
    @TypedParams(AlarmIdParams) p: IdParams,
    @TypedBody(WorkOrderLinkBody) b: Static<typeof WorkOrderLinkBody>,
    @Actor() actor: string,
  ): Promise<AlarmDetail> {
    return this.alarms.edit(p.id, { kind: 'link', workOrderId: b.workOrderId }, actor);
  }
}

// configuration: reading needs viewer, adding and removing rules admin (the defaults)
@ApiTags('alarms')
@Controller('api/v1/alarm-notification-rules')
export class AlarmNotificationRulesController {
  constructor(private readonly alarms: AlarmsService) {}

  @Get()
  @ApiOperation({ summary: 'Where alarms are sent: by severity and customer, to an MQTT topic' })
  @TypedResponse(NotificationRuleList)
  list(): Promise<NotificationRule[]> {
    return this.alarms.rules();
  }

  @Post()
  @ApiOperation({ summary: 'Add a notification rule' })
  @TypedResponse(NotificationRuleSchema, { status: 201, errors: [404] })
  create(@TypedBody(NewNotificationRuleSchema) b: NewNotificationRule): Promise<NotificationRule> {
    return this.alarms.createRule(b);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a notification rule' })
  @TypedResponse(null, { status: 204, errors: [404] })
  remove(@TypedParams(AlarmIdParams) p: IdParams): Promise<void> {
    return this.alarms.deleteRule(p.id);
  }
}
