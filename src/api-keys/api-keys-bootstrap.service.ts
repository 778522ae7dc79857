import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ApiKeyService } from './api-key.service.js';

export const INITIAL_ADMIN_KEY_FILE = 'initial-admin-key';

/**
 * At start-up: API_ADMIN_KEY, when set, is a valid admin key; otherwise, on a
 * records database without any key, an admin key is made and written to
 * DATA_DIR/initial-admin-key (mode 0600), never to the log.
 */
@Injectable()
export class ApiKeysBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(ApiKeysBootstrap.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: ApiKeyService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const configured = this.config.security.adminKey;
    if (configured) {
      await this.keys.ensureKey(configured, { name: 'admin (API_ADMIN_KEY)', role: 'admin' }, 'config');
      return;
    }
    const initial = await this.keys.initialAdminKey();
    if (initial === null) return;
    const file = join(this.config.dataDir, INITIAL_ADMIN_KEY_FILE);
    writeFileSync(file, `${initial}\n`, { mode: 0o600 });
    this.logger.warn({ file }, 'no API key existed: an admin key was created and written to this file');
  }
}
