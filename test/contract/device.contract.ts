import type { DeviceRepository } from '../../src/devices/device.repository.js';
import { SqlDeviceRepository } from '../../src/devices/sql-device.repository.js';
import type { RecordsDatabase } from '../../src/ports/records-database.port.js';

/** The behaviour every DeviceRepository must have, on an empty, migrated records database. */
export function describeDeviceRepositoryContract(
  name: string,
  records: () => Promise<RecordsDatabase>,
): void {
  describe(`DeviceRepository contract: ${name}`, () => {
    let devices: DeviceRepository;
    let db: RecordsDatabase;
    beforeEach(async () => {
      db = await records();
      devices = new SqlDeviceRepository(db);
    });

    it('keeps the first sighting and the latest one, whatever order they arrive in; data means online', async () => {
      await devices.touch(new Map([['d1', 2000]]));
      await devices.touch(new Map([['d1', 1000]]));
      await devices.touch(new Map([['d1', 3000]]));
      expect(await devices.get('d1')).toEqual({
        deviceId: 'd1',
        firstSeen: 2000,
        lastSeen: 3000,
        online: true,
        statusChangedAt: 2000,
        model: null,
        firmware: null,
        serial: null,
        reportingIntervalMs: null,
      });
      await devices.touch(new Map());
      expect(await devices.get('nobody')).toBeNull();
    });

    it('applies a birth and a later last will, and ignores an older status', async () => {
      await devices.applyStatus({
        deviceId: 'd1',
        state: 'online',
        ts: 1000,
        model: 'M1',
        firmware: '1.0',
        reportingIntervalMs: 60_000,
      });
      await devices.applyStatus({ deviceId: 'd1', state: 'offline', ts: 5000 });
      await devices.applyStatus({ deviceId: 'd1', state: 'online', ts: 4000, serial: 'SN-1' });
      expect(await devices.get('d1')).toMatchObject({
        firstSeen: 1000,
        lastSeen: 5000,
        online: false,
        statusChangedAt: 5000,
        model: 'M1',
        firmware: '1.0',
        serial: 'SN-1',
        reportingIntervalMs: 60_000,
      });
    });

    it('brings an offline device back online with data sent after it went offline, not before', async () => {
      await devices.applyStatus({ deviceId: 'd1', state: 'offline', ts: 5000 });
      await devices.touch(new Map([['d1', 4000]]));
      expect(await devices.get('d1')).toMatchObject({ online: false, statusChangedAt: 5000 });
      await devices.touch(new Map([['d1', 6000]]));
      expect(await devices.get('d1')).toMatchObject({ online: true, statusChangedAt: 6000, lastSeen: 6000 });
    });

    it('marks silent devices offline, unless they were heard from since', async () => {
      await devices.touch(
        new Map([
          ['d1', 1000],
          ['d2', 1000],
          ['d3', 1000],
        ]),
      );
      await devices.touch(new Map([['d2', 9000]]));
      await devices.applyStatus({ deviceId: 'd3', state: 'offline', ts: 2000 });
      const changed = await devices.markSilent([
        { deviceId: 'd1', lastSeen: 1000, at: 10_000 },
        { deviceId: 'd2', lastSeen: 1000, at: 10_000 },
        { deviceId: 'd3', lastSeen: 1000, at: 10_000 },
      ]);
      expect(changed).toEqual(['d1']);
      expect(await devices.get('d1')).toMatchObject({ online: false, statusChangedAt: 10_000 });
      expect(await devices.get('d2')).toMatchObject({ online: true });
      expect(await devices.get('d3')).toMatchObject({ online: false, statusChangedAt: 2000 });
      expect(await devices.markSilent([])).toEqual([]);
    });

    it('restores devices as given, merging with one known already', async () => {
      const row = {
        deviceId: 'd1',
        firstSeen: 100,
        lastSeen: 900,
        online: false,
        statusChangedAt: 800,
        model: 'M1',
        firmware: '2.0',
        serial: null,
        reportingIntervalMs: null,
      };
      const quiet = {
        ...row,
        deviceId: 'd2',
        online: null,
        statusChangedAt: null,
        model: null,
        firmware: null,
      };
      await devices.restore([row, quiet]);
      expect(await devices.get('d1')).toEqual(row);
      expect(await devices.get('d2')).toEqual(quiet);
      await devices.restore([{ ...row, firstSeen: 50, lastSeen: 700, online: true, statusChangedAt: 600 }]);
      expect(await devices.get('d1')).toMatchObject({
        firstSeen: 50,
        lastSeen: 900,
        online: false,
        statusChangedAt: 800,
      });
    });

    it('lists by id in byte order, paged, filtered by connection state', async () => {
      await devices.touch(new Map(['b', 'A', 'a-1', 'a10', 'Z'].map((id) => [id, 1])));
      await devices.applyStatus({ deviceId: 'A', state: 'online', ts: 2 });
      await devices.applyStatus({ deviceId: 'a10', state: 'offline', ts: 2 });
      const page1 = await devices.list({ limit: 2 });
      const page2 = await devices.list({ limit: 10, after: page1[1].deviceId });
      expect([...page1, ...page2].map((d) => d.deviceId)).toEqual(['A', 'Z', 'a-1', 'a10', 'b']);
      expect((await devices.list({ limit: 10, online: true })).map((d) => d.deviceId)).toEqual([
        'A',
        'Z',
        'a-1',
        'b',
      ]);
      expect((await devices.list({ limit: 10, online: false })).map((d) => d.deviceId)).toEqual(['a10']);
    });

    it('stores a status whose text carries a NUL character, the NUL replaced', async () => {
      await devices.applyStatus({ deviceId: 'd1', state: 'online', ts: 1, firmware: 'v1\u0000x' });
      expect((await devices.get('d1'))?.firmware).toBe('v1\uFFFDx');
    });
  });
}
