import {
  Global,
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import {
  RECORDS_DATABASE,
  type FeatureMigrations,
  type RecordsDatabase,
} from '../../ports/records-database.port.js';
import { openRecordsDatabase, redactUrl } from './open-records-database.js';
import { applyMigrations } from './records-migrator.js';

/**
 * The records database, opened once and migrated before any feature uses it:
 * `RECORDS_DATABASE` resolves only when every feature's migrations are applied.
 * Closed last at shutdown (global modules shut down after the features).
 */
@Global()
@Module({})
export class RecordsModule implements OnApplicationShutdown {
  constructor(@Inject(RECORDS_DATABASE) private readonly db: RecordsDatabase) {}

  /** `features`: every feature's migrations (app.module.ts lists them). */
  static forRoot(features: readonly FeatureMigrations[]): DynamicModule {
    return {
      module: RecordsModule,
      providers: [
        {
          provide: RECORDS_DATABASE,
          inject: [APP_CONFIG],
          useFactory: async (c: AppConfig): Promise<RecordsDatabase> => {
            const logger = new Logger('RecordsDatabase');
            const db = await openRecordsDatabase(c);
            try {
              const applied = await applyMigrations(db, features);
              logger.log(
                {
                  kind: db.kind,
                  where: c.database.url ? redactUrl(c.database.url) : `${c.dataDir}/records`,
                  applied: applied.map((m) => `${m.feature} ${m.version}`),
                },
                'records database ready',
              );
              return db;
            } catch (err) {
              await db.close();
              throw err;
            }
          },
        },
      ],
      exports: [RECORDS_DATABASE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}
