import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Put,
  Req,
  type Type as Class,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { refOf } from '../common/http/openapi-schemas.js';
import { TypedBody, TypedParams, TypedQuery, TypedResponse } from '../common/http/typed-api.js';
import { REGISTRY_ENTITIES, type RegistryEntity, type RegistryRecords } from './registry-entities.js';
import {
  REGISTRY_DTO,
  RegistryImportQuery,
  RegistryImportReportSchema,
  registryCsvRow,
  type RegistryImportReportDto,
  type RegistryListQuery,
} from './registry.dto.js';
import { RegistryService } from './registry.service.js';

const singular = (entity: RegistryEntity): string => entity.slice(0, -1);

/**
 * One controller per collection (customers, sites, models, devices), so the
 * OpenAPI document types each path with its own record. Every method delegates
 * to RegistryService, which validates the records and keeps the registry's rules.
 */
function registryController<E extends RegistryEntity>(entity: E): Class<unknown> {
  const dto = REGISTRY_DTO[entity];
  type Rec = RegistryRecords[E];
  const csv = {
    columns: dto.csvColumns,
    rows: (page: { data: Rec[] }) => page.data.map((r) => registryCsvRow(entity, r)),
  };

  @ApiTags('registry')
  @Controller(`api/v1/registry/${entity}`)
  class RegistryCollectionController {
    constructor(readonly registry: RegistryService) {}

    @Get()
    @ApiOperation({ summary: `List ${entity}, by id; filter by reference` })
    @TypedResponse(dto.page, { csv })
    list(
      @TypedQuery(dto.listQuery) q: RegistryListQuery,
    ): Promise<{ data: Rec[]; nextCursor: string | null }> {
      const { limit, ...rest } = q;
      return this.registry.list(entity, { ...rest, limit: limit === undefined ? undefined : String(limit) });
    }

    @Post('import')
    @HttpCode(200)
    @ApiOperation({
      summary:
        `Bulk import (upsert) of ${entity}: a JSON array, or CSV (text/csv, streamed) with a header of field names ` +
        'or a column mapping (docs/history-import.md). ' +
        'Bad rows are reported with their line and reason; the good ones are kept.',
    })
    @ApiConsumes('application/json', 'text/csv')
    @ApiBody({
      schema: {
        anyOf: [
          { type: 'array', items: refOf(dto.record) },
          { type: 'string', description: 'CSV: a header of field names, then one record a line' },
        ],
      },
    })
    @TypedResponse(RegistryImportReportSchema, { errors: [400, 415] })
    import(
      @Req() req: Request,
      @Body() body: unknown,
      @TypedQuery(RegistryImportQuery) q: RegistryImportQuery,
    ): Promise<RegistryImportReportDto> {
      const mapping = this.registry.parseMapping(q.mapping);
      if (req.is('text/csv')) return this.registry.importCsv(entity, req, mapping);
      if (mapping)
        throw new DomainError(
          ErrorCode.InvalidArgument,
          'a mapping is for CSV files (Content-Type: text/csv)',
        );
      if (!req.is('application/json'))
        throw new DomainError(
          ErrorCode.UnsupportedMediaType,
          `send the ${entity} as a JSON array (Content-Type: application/json) or as CSV (Content-Type: text/csv); ` +
            `got ${req.headers['content-type'] ? `Content-Type: ${req.headers['content-type']}` : 'no Content-Type'}`,
        );
      if (!Array.isArray(body))
        throw new DomainError(
          ErrorCode.InvalidArgument,
          'body must be a JSON array of records; to upload CSV, send Content-Type: text/csv',
        );
      return this.registry.importJson(entity, body);
    }

    @Get(':id')
    @ApiOperation({ summary: `One ${singular(entity)}` })
    @TypedResponse(dto.record, { errors: [404] })
    get(@TypedParams(dto.idParams) p: { id: string }): Promise<Rec> {
      return this.registry.get(entity, p.id);
    }

    @Post()
    @ApiOperation({ summary: `Register a ${singular(entity)}; 409 when the id exists` })
    @TypedResponse(dto.record, { status: 201, errors: [409] })
    create(@TypedBody(dto.create) body: Rec): Promise<Rec> {
      return this.registry.create(entity, body);
    }

    @Put(':id')
    @ApiOperation({ summary: `Create or replace a ${singular(entity)}` })
    @TypedResponse(dto.record)
    replace(
      @TypedParams(dto.idParams) p: { id: string },
      @TypedBody(dto.replace) body: object,
    ): Promise<Rec> {
      return this.registry.replace(entity, p.id, body);
    }

    @Patch(':id')
    @ApiOperation({ summary: `Change some fields of a ${singular(entity)}; null removes an optional field` })
    @TypedResponse(dto.record, { errors: [404] })
    update(@TypedParams(dto.idParams) p: { id: string }, @TypedBody(dto.patch) body: object): Promise<Rec> {
      return this.registry.update(entity, p.id, body);
    }

    @Delete(':id')
    @HttpCode(204)
    @ApiOperation({ summary: `Delete a ${singular(entity)}; 409 while other records reference it` })
    @TypedResponse(null, { status: 204, description: 'Deleted', errors: [404, 409] })
    remove(@TypedParams(dto.idParams) p: { id: string }): Promise<void> {
      return this.registry.remove(entity, p.id);
    }
  }
  const name = `Registry${entity[0].toUpperCase()}${entity.slice(1)}Controller`;
  Object.defineProperty(RegistryCollectionController, 'name', { value: name });
  return RegistryCollectionController;
}

export const REGISTRY_CONTROLLERS = REGISTRY_ENTITIES.map((e) => registryController(e));
