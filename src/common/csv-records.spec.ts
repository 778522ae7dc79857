import { Readable } from 'node:stream';
import { DomainError } from './domain-error.js';
import { readCsvRows, splitCsvRecord, type CsvBadRow, type CsvRow } from './csv-records.js';

async function read(input: string | Buffer | Array<string | Buffer>): Promise<Array<CsvRow | CsvBadRow>> {
  const chunks = Array.isArray(input) ? input : [input];
  const rows: Array<CsvRow | CsvBadRow> = [];
  for await (const row of readCsvRows(Readable.from(chunks.map((c) => Buffer.from(c))))) rows.push(row);
  return rows;
}

describe(readCsvRows.name, () => {
  it('reads rows by header name, with the line each row ends on', async () => {
    expect(await read('id,name\r\na-1, Acme \r\n\r\na-2,"Birch, Ltd"\r\n')).toEqual([
      { line: 2, fields: { id: 'a-1', name: 'Acme' } },
      { line: 4, fields: { id: 'a-2', name: 'Birch, Ltd' } },
    ]);
  });

  it('keeps a quoted field that spans lines, and doubled quotes', async () => {
    expect(await read('id,note\na,"first\nsecond ""quoted"""\nb,x')).toEqual([
      { line: 3, fields: { id: 'a', note: 'first\nsecond "quoted"' } },
      { line: 4, fields: { id: 'b', note: 'x' } },
    ]);
  });

  it('strips a byte-order mark and reads a file cut into chunks anywhere, even inside a character', async () => {
    const bytes = Buffer.from('\ufeffid,city\nc1,Zürich\nc2,Köln\n');
    const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
    expect(await read(chunks)).toEqual([
      { line: 2, fields: { id: 'c1', city: 'Zürich' } },
      { line: 3, fields: { id: 'c2', city: 'Köln' } },
    ]);
  });

  it.each([
    [
      'an unterminated quote, followed by good rows',
      'id,name,city\nS-1,"broken,Leeds\nS-2,Depot,York\nS-3,"Quay St",Hull\n',
      [
        { line: 2, reason: expect.stringContaining('unterminated quote') as string },
        { line: 3, fields: { id: 'S-2', name: 'Depot', city: 'York' } },
        { line: 4, fields: { id: 'S-3', name: 'Quay St', city: 'Hull' } },
      ],
    ],
    [
      'an unterminated quote on the last line',
      'id,name\nS-1,ok\nS-2,"broken',
      [
        { line: 2, fields: { id: 'S-1', name: 'ok' } },
        { line: 3, reason: expect.stringContaining('unterminated quote') as string },
      ],
    ],
    [
      'a row with too many columns',
      'id,name\nS-1,a,b\nS-2,c\n',
      [
        { line: 2, reason: '3 columns, the header has 2' },
        { line: 3, fields: { id: 'S-2', name: 'c' } },
      ],
    ],
    [
      'text after a closing quote',
      'id,name\nS-1,"a"b\nS-2,c\n',
      [
        { line: 2, reason: expect.stringContaining('after a closing quote') as string },
        { line: 3, fields: { id: 'S-2', name: 'c' } },
      ],
    ],
    [
      'a bare quote inside a field',
      'id,name\nS-1,5" disk\nS-2,c\n',
      [
        { line: 2, reason: expect.stringContaining('quote inside an unquoted field') as string },
        { line: 3, fields: { id: 'S-2', name: 'c' } },
      ],
    ],
  ])('reports %s by its line and keeps the good rows', async (_name, csv, expected) => {
    expect(await read(csv)).toEqual(expected);
  });

  it('refuses a line of invalid UTF-8 with its line and byte, and keeps the others', async () => {
    const csv = Buffer.concat([
      Buffer.from('id,name\nS-1,ok\nS-2,'),
      Buffer.from([0x4d, 0xfc, 0x6c]), // "Mül" in Latin-1
      Buffer.from('ler\nS-3,fine\n'),
    ]);
    expect(await read(csv)).toEqual([
      { line: 2, fields: { id: 'S-1', name: 'ok' } },
      { line: 3, reason: 'not valid UTF-8 (byte 0xfc at column 6); save the file as UTF-8' },
      { line: 4, fields: { id: 'S-3', name: 'fine' } },
    ]);
  });

  it('refuses a header that names a column twice', async () => {
    await expect(read('id,name,id\n1,a,2\n')).rejects.toThrow(DomainError);
    await expect(read('id,name,id\n1,a,2\n')).rejects.toThrow(
      'the CSV header names column "id" twice (columns 1 and 3)',
    );
  });
});

describe(splitCsvRecord.name, () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    [' a , b ', ['a', 'b']],
    ['"a,b",c', ['a,b', 'c']],
    ['"a ""x""", c', ['a "x"', 'c']],
    ['a,,', ['a', '', '']],
    ['"",x', ['', 'x']],
  ])('splits %j', (text, fields) => {
    expect(splitCsvRecord(text)).toEqual({ ok: true, fields });
  });

  it('says a record is open when a quote is', () => {
    expect(splitCsvRecord('a,"b')).toMatchObject({ ok: false, open: true });
  });
});
