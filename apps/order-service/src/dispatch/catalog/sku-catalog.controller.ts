import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Actor } from '@oms/order-domain';
import { CurrentActor } from '../../http/current-actor.decorator';
import { JwtGuard } from '../../http/jwt.guard';
import { CatalogChangeViewDto, CatalogEditDto, CatalogImportDto, CatalogViewDto, SkuEntryDto } from './sku-catalog.dto';
import { SkuCatalogService, type CatalogEditRequest } from './sku-catalog.service';

/** The SKU catalog of fulfilment vectors: every change is a new version that plans name. */
@ApiTags('sku catalog')
@Controller('sku-catalog')
export class SkuCatalogController {
  constructor(private readonly catalog: SkuCatalogService) {}

  @Get()
  @ApiOperation({ summary: 'The newest catalog version, its size and every change that made it (who, when, why, which SKUs)' })
  @ApiOkResponse({ type: CatalogViewDto })
  view() {
    return this.catalog.view();
  }

  @Get('skus/:sku')
  @ApiOperation({ summary: "A SKU's fulfilment vector in the newest catalog version" })
  @ApiOkResponse({ type: SkuEntryDto })
  @ApiNotFoundResponse({ description: 'the catalog does not list the SKU' })
  entry(@Param('sku') sku: string) {
    return this.catalog.entry(sku);
  }

  @Post('imports')
  @HttpCode(200)
  @UseGuards(JwtGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Replace the catalog with a CSV or JSON import (a new version); a malformed row refuses the whole import' })
  @ApiOkResponse({ type: CatalogChangeViewDto })
  @ApiBadRequestResponse({ description: 'malformed rows, each with its row number; nothing changed' })
  @ApiUnauthorizedResponse({ description: 'no valid bearer token' })
  @ApiForbiddenResponse({ description: 'only warehouse_manager may change the catalog' })
  importCatalog(@CurrentActor() actor: Actor, @Body() body: CatalogImportDto) {
    return this.catalog.importCatalog(actor, body);
  }

  @Post('changes')
  @HttpCode(200)
  @UseGuards(JwtGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add or replace SKUs (UPSERT) or remove them (REMOVE): a new version; blocked orders are planned again' })
  @ApiOkResponse({ type: CatalogChangeViewDto })
  @ApiBadRequestResponse({ description: 'a malformed entry or an unknown SKU to remove (every problem named); nothing changed' })
  @ApiUnauthorizedResponse({ description: 'no valid bearer token' })
  @ApiForbiddenResponse({ description: 'only warehouse_manager may change the catalog' })
  edit(@CurrentActor() actor: Actor, @Body() body: CatalogEditDto) {
    return this.catalog.edit(actor, body as CatalogEditRequest);
  }
}
