import { RegistryRowMapper, dateBefore } from './registry-mapping.js';

describe(RegistryRowMapper.name, () => {
  // the machines file of a public predictive-maintenance export: id, model, age in years
  const machines = new RegistryRowMapper('devices', {
    columns: { deviceId: 'machineID', modelId: 'model' },
    values: { modelId: { model3: 'PDM-3' } },
    age: { column: 'age', asOf: '2016-01-01' },
  });

  it("reads a record from the file's columns, its words and an age", () => {
    expect(machines.map({ machineID: '7', model: 'model3', age: '18' })).toEqual({
      deviceId: '7',
      modelId: 'PDM-3',
      installDate: '1998-01-01',
    });
  });

  it('names the column and cell it cannot read', () => {
    expect(machines.map({ machineID: '7', model: 'model3', age: 'old' })).toBe(
      '"old" in column "age" is not an age (a number of years, 0 or more)',
    );
    const dated = new RegistryRowMapper('devices', { columns: { installDate: 'Installed' } });
    expect(dated.map({ deviceId: 'd', modelId: 'm', Installed: '2015-02-30 06:00:00' })).toBe(
      '"2015-02-30 06:00:00" in column "Installed" is not a real date: February 2015 has 28 days',
    );
    expect(dated.map({ deviceId: 'd', modelId: 'm', Installed: '2015-02-03 06:00:00' })).toEqual({
      deviceId: 'd',
      modelId: 'm',
      installDate: '2015-02-03T06:00:00.000Z',
    });
  });

  it('takes defaults for empty cells and fields without a column', () => {
    const models = new RegistryRowMapper('models', {
      columns: { modelId: 'model', name: 'model' },
      defaults: { kind: 'industrial', usageUnit: 'hours', components: 'comp1;comp2' },
    });
    expect(models.map({ model: 'model1', age: '3' })).toEqual({
      modelId: 'model1',
      name: 'model1',
      kind: 'industrial',
      usageUnit: 'hours',
      components: 'comp1;comp2',
    });
  });

  it('names mapped columns the header lacks and fields the entity does not have', () => {
    expect(machines.problems(['machineID', 'model'])).toEqual(['column "age" is not in the header']);
    const wrong = new RegistryRowMapper('sites', {
      columns: { colour: 'c' },
      age: { column: 'a', asOf: '2016-01-01' },
    });
    expect(wrong.problems(['c', 'a'])).toEqual([
      expect.stringMatching(/^"colour" is not a field of sites/),
      'age is for devices only',
    ]);
  });
});

describe(dateBefore.name, () => {
  it.each([
    ['2016-01-01', 18, 'years', '1998-01-01'],
    ['2016-03-31', 1, 'months', '2016-02-29'],
    ['2016-01-01', 10, 'days', '2015-12-22'],
    ['2016-01-01', 0.5, 'years', '2015-07-01'],
  ] as const)('%s minus %d %s is %s', (asOf, age, unit, expected) => {
    expect(dateBefore(asOf, age, unit)).toBe(expected);
  });
});
