import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { Page } from '../common/http/paged-response.js';
import { parseEnum } from '../common/http/query-params.js';
import { REGISTRY_ENTITIES, type RegistryEntity, type RegistryRecords } from './registry-entities.js';
import { RegistryService, type RegistryImportReport, type RegistryListParams } from './registry.service.js';

const entityOf = (raw: string): RegistryEntity => parseEnum('collection', raw, REGISTRY_ENTITIES, 'devices');
const ENTITY_PARAM = { name: 'collection', enum: REGISTRY_ENTITIES } as const;

@ApiTags('registry')
@Controller('api/v1/registry/:collection')
export class RegistryController {
  constructor(private readonly registry: RegistryService) {}

  @Get()
  @ApiOperation({ summary: 'List customers, sites, models or devices, by id; filter by reference' })
  @ApiParam(ENTITY_PARAM)
  @ApiQuery({ name: 'customerId', required: false, description: 'sites and devices' })
  @ApiQuery({ name: 'siteId', required: false, description: 'devices' })
  @ApiQuery({ name: 'modelId', required: false, description: 'devices' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  list(
    @Param('collection') collection: string,
    @Query() q: RegistryListParams,
  ): Promise<Page<RegistryRecords[RegistryEntity]>> {
    return this.registry.list(entityOf(collection), q);
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Bulk import (upsert): a JSON array, or CSV with a header of field names (text/csv, streamed). ' +
      'Bad rows are reported with their line and reason; the good ones are kept.',
  })
  @ApiParam(ENTITY_PARAM)
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({ schema: { type: 'array', items: { type: 'object' } } })
  @ApiQuery({
    name: 'mapping',
    required: false,
    description:
      'CSV only, JSON: which column is which field, defaults, values, age (docs/history-import.md)',
  })
  import(
    @Param('collection') collection: string,
    @Req() req: Request,
    @Body() body: unknown,
    @Query('mapping') mapping?: string,
  ): Promise<RegistryImportReport> {
    const entity = entityOf(collection);
    const parsed = this.registry.parseMapping(mapping);
    if (req.is('text/csv')) return this.registry.importCsv(entity, req, parsed);
    if (parsed)
      throw new DomainError(ErrorCode.InvalidArgument, 'a mapping is for CSV files (Content-Type: text/csv)');
    return this.registry.importJson(entity, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One registry record' })
  @ApiParam(ENTITY_PARAM)
  get(
    @Param('collection') collection: string,
    @Param('id') id: string,
  ): Promise<RegistryRecords[RegistryEntity]> {
    return this.registry.get(entityOf(collection), id);
  }

  @Post()
  @ApiOperation({ summary: 'Register a record; 409 when the id exists' })
  @ApiParam(ENTITY_PARAM)
  create(
    @Param('collection') collection: string,
    @Body() body: unknown,
  ): Promise<RegistryRecords[RegistryEntity]> {
    return this.registry.create(entityOf(collection), body);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Create or replace a record' })
  @ApiParam(ENTITY_PARAM)
  replace(
    @Param('collection') collection: string,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<RegistryRecords[RegistryEntity]> {
    return this.registry.replace(entityOf(collection), id, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change some fields; null removes an optional field' })
  @ApiParam(ENTITY_PARAM)
  update(
    @Param('collection') collection: string,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<RegistryRecords[RegistryEntity]> {
    return this.registry.update(entityOf(collection), id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a record; 409 while other records reference it' })
  @ApiParam(ENTITY_PARAM)
  remove(@Param('collection') collection: string, @Param('id') id: string): Promise<void> {
    return this.registry.remove(entityOf(collection), id);
  }
}
