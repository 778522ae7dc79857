import type { DeadLetterRepository } from '../../src/dead-letters/dead-letter.repository.js';
import { SqlDeadLetterRepository } from '../../src/dead-letters/sql-dead-letter.repository.js';
import type { DeadLetter } from '../../src/ports/records.js';
import type { RecordsDatabase } from '../../src/ports/records-database.port.js';

const letter = (n: number, extra: Partial<DeadLetter> = {}): DeadLetter => ({
  receivedAt: 1000 + n,
  reason: 'invalid_json',
  detail: `detail ${n}`,
  topic: `fleet/v1/d${n}/telemetry`,
  deviceId: `d${n}`,
  payload: `{bad ${n}`,
  payloadBytes: 5,
  ...extra,
});

/** The behaviour every DeadLetterRepository must have, on an empty, migrated records database. */
export function describeDeadLetterRepositoryContract(
  name: string,
  records: () => Promise<RecordsDatabase>,
): void {
  describe(`DeadLetterRepository contract: ${name}`, () => {
    let repo: DeadLetterRepository;
    beforeEach(async () => {
      repo = new SqlDeadLetterRepository(await records(), 100);
    });

    it('lists newest first, each record as written with an id', async () => {
      const withoutDevice = letter(3);
      delete withoutDevice.deviceId;
      await repo.add([letter(1), letter(2)]);
      await repo.add([withoutDevice]);
      const listed = await repo.list({ limit: 10 });
      expect(listed.map(({ id: _id, ...r }) => r)).toEqual([withoutDevice, letter(2), letter(1)]);
      expect(listed[0].id).toBeGreaterThan(listed[1].id);
      expect(listed[1].id).toBeGreaterThan(listed[2].id);
      expect(await repo.count()).toBe(3);
    });

    it('filters by reason and device, and pages with before', async () => {
      await repo.add([
        letter(1),
        letter(2, { reason: 'schema_violation' }),
        letter(3, { deviceId: 'd1' }),
        letter(4),
      ]);
      expect((await repo.list({ limit: 10, reason: 'schema_violation' })).map((r) => r.detail)).toEqual([
        'detail 2',
      ]);
      expect((await repo.list({ limit: 10, deviceId: 'd1' })).map((r) => r.detail)).toEqual([
        'detail 3',
        'detail 1',
      ]);
      const page1 = await repo.list({ limit: 2, reason: 'invalid_json' });
      const page2 = await repo.list({ limit: 2, reason: 'invalid_json', before: page1[1].id });
      expect([...page1, ...page2].map((r) => r.detail)).toEqual(['detail 4', 'detail 3', 'detail 1']);
    });

    it('keeps the newest records when more than the limit arrive', async () => {
      await repo.add(Array.from({ length: 80 }, (_, i) => letter(i)));
      await repo.add(Array.from({ length: 80 }, (_, i) => letter(80 + i)));
      expect(await repo.count()).toBe(100);
      const oldest = (await repo.list({ limit: 1000 })).at(-1);
      expect(oldest?.detail).toBe('detail 60');
    });

    it('stores a payload that carries NUL characters, the NULs replaced', async () => {
      await repo.add([letter(1, { payload: '\u0000\u0001binary\u0000' }), letter(2)]);
      expect((await repo.list({ limit: 10 })).map((r) => r.payload)).toEqual([
        '{bad 2',
        '\uFFFD\u0001binary\uFFFD',
      ]);
    });
  });
}
