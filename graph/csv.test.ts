import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvParser, csvField, csvRow, parseCsv, readCsvFile, readCsvObjects } from './csv';
import { makeTempDir } from '../test/support/temp-dirs';

describe('csv', () => {
  it('quotes only fields that need it and doubles inner quotes', () => {
    expect(csvRow(['a', 1, true, null, undefined, 'x,y', 'say "hi"', 'two\nlines', ' pad'])).toBe('a,1,true,,,"x,y","say ""hi""","two\nlines"," pad"\n');
    expect(csvField('[1,"a"]')).toBe('"[1,""a""]"');
  });

  it('parses what it writes, including quotes, commas, newlines and CRLF', () => {
    const rows = [
      ['id', 'text'],
      ['1', 'plain'],
      ['2', 'comma, "quoted"\nand newline'],
      ['3', ''],
      ['4', '中文，标点'],
    ];
    const text = rows.map(csvRow).join('');
    expect(parseCsv(text)).toEqual(rows);
    expect(parseCsv('a,b\r\n1,"x\r\ny"\r\n')).toEqual([
      ['a', 'b'],
      ['1', 'x\r\ny'],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = csvRow(['x', 'he said "yes, ""really"""']) + csvRow(['', 'end']);
    const whole = parseCsv(text);
    for (let cut = 1; cut < text.length; cut++) {
      const p = new CsvParser();
      expect([...p.push(text.slice(0, cut)), ...p.push(text.slice(cut)), ...p.end()]).toEqual(whole);
    }
  });

  it('rejects a file that ends inside a quoted field', () => {
    expect(() => parseCsv('a,"unterminated')).toThrow(/quoted field/);
  });

  it('streams a file as records and as objects with nulls for empty fields', async () => {
    const dir = makeTempDir('hongtu-csv-');
    const file = path.join(dir, 't.csv');
    writeFileSync(file, csvRow(['id', 'phone']) + csvRow(['m-1', '13800000000']) + csvRow(['m-2', null]));
    const recs: string[][] = [];
    for await (const r of readCsvFile(file)) recs.push(r);
    expect(recs).toEqual([
      ['id', 'phone'],
      ['m-1', '13800000000'],
      ['m-2', ''],
    ]);
    const objs = [];
    for await (const o of readCsvObjects(file)) objs.push(o);
    expect(objs).toEqual([
      { id: 'm-1', phone: '13800000000' },
      { id: 'm-2', phone: null },
    ]);
  });
});
