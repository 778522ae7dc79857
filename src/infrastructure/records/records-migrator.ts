import type { FeatureMigrations, RecordsDatabase } from '../../ports/records-database.port.js';

/**
 * Key of the advisory lock migrations run under, derived from a name so that no
 * other code picks the same number by accident.
 */
export const MIGRATION_LOCK_KEY = `hashtextextended('fleet-telemetry/records-migrations', 0)`;

const TRACKING_TABLE = `CREATE TABLE IF NOT EXISTS records_migrations (
  feature TEXT COLLATE "C" NOT NULL,
  version INTEGER NOT NULL,
  applied_at BIGINT NOT NULL,
  PRIMARY KEY (feature, version)
)`;

export interface AppliedMigration {
  feature: string;
  version: number;
}

/**
 * Brings every feature's tables up to date: each version applied once, in order,
 * tracked in `records_migrations`. All in one transaction under an advisory lock,
 * so replicas starting at once wait for each other and none applies a version
 * twice; a failing migration leaves the database as it was and start-up fails.
 */
export async function applyMigrations(
  db: RecordsDatabase,
  features: readonly FeatureMigrations[],
  now: number = Date.now(),
): Promise<AppliedMigration[]> {
  const names = features.map((f) => f.feature);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`records migrations: feature "${twice}" is listed twice`);
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.exec(TRACKING_TABLE);
    const { rows } = await tx.query<{ feature: string; version: number }>(
      'SELECT feature, MAX(version) AS version FROM records_migrations GROUP BY feature',
    );
    const current = new Map(rows.map((r) => [r.feature, r.version]));
    const applied: AppliedMigration[] = [];
    for (const { feature, migrations } of features) {
      const at = current.get(feature) ?? 0;
      if (at > migrations.length)
        throw new Error(
          `records database has ${feature} at version ${at}, newer than this service knows (${migrations.length}): run the newer service`,
        );
      for (let version = at + 1; version <= migrations.length; version++) {
        try {
          await tx.exec(migrations[version - 1]);
        } catch (err) {
          throw new Error(`records migration ${feature} ${version} failed: ${(err as Error).message}`, {
            cause: err,
          });
        }
        await tx.query('INSERT INTO records_migrations (feature, version, applied_at) VALUES ($1, $2, $3)', [
          feature,
          version,
          now,
        ]);
        applied.push({ feature, version });
      }
    }
    return applied;
  });
}
