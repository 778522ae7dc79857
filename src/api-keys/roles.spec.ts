import { ROLES, defaultRoleFor, isWriteMethod, roleSatisfies, type Role } from './roles.js';

describe('roleSatisfies', () => {
  // rows: the role held; columns: the role a route requires, in ROLES order
  // (viewer, analyst, operator, provisioner, admin)
  const table: Array<[Role, boolean[]]> = [
    ['viewer', [true, false, false, false, false]],
    ['analyst', [true, true, false, false, false]],
    ['operator', [true, false, true, false, false]],
    ['provisioner', [false, false, false, true, false]],
    ['admin', [true, true, true, true, true]],
  ];

  it.each(table)('%s may use routes requiring what its row says', (held, row) => {
    expect(ROLES.map((required) => roleSatisfies(held, required))).toEqual(row);
  });
});

describe('defaultRoleFor', () => {
  it.each([
    ['GET', 'viewer'],
    ['HEAD', 'viewer'],
    ['OPTIONS', 'viewer'],
    ['get', 'viewer'],
    ['POST', 'admin'],
    ['PUT', 'admin'],
    ['PATCH', 'admin'],
    ['DELETE', 'admin'],
    ['PROPFIND', 'admin'],
  ])('asks %s for %s when a route declares nothing', (method, role) => {
    expect(defaultRoleFor(method)).toBe(role);
  });

  it('audits every method that is not a read', () => {
    expect(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'].map(isWriteMethod)).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
      true,
    ]);
  });
});
