import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../api-keys/require-role.decorator.js';
import type { Response } from 'express';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { ConsoleAssets } from './console-assets.js';

/** The page may load its own scripts, styles and data, and be framed by no one. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // uPlot sizes its elements with inline styles
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** The web console: its page at `/`, its files under `/console/` (no API, not in the OpenAPI document). */
// the page and its scripts hold no data: a browser loads them before it has a key
@Public()
@ApiExcludeController()
@Controller()
export class ConsoleAssetsController {
  constructor(private readonly assets: ConsoleAssets) {}

  @Get()
  page(@Res() res: Response): void {
    this.send(res, 'index.html');
  }

  @Get('console/:file')
  file(@Param('file') file: string, @Res() res: Response): void {
    this.send(res, file);
  }

  private send(res: Response, name: string): void {
    const asset = this.assets.get(name);
    if (!asset) {
      if (!this.assets.built)
        throw new DomainError(
          ErrorCode.Unavailable,
          `the web console is not built: npm run build (looked in ${this.assets.dir})`,
        );
      throw new DomainError(ErrorCode.NotFound, `no console file ${name}`);
    }
    res.setHeader('Content-Type', asset.contentType);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (name === 'index.html') res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.send(asset.body);
  }
}
