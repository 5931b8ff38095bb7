import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { csvCells, readCsvRows } from '../../../src/ingest/csv-rows';

describe('CSV rows', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, with the line each row starts on', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'corpgraph-csv-')), 'rows.csv');
    fs.writeFileSync(file, '\uFEFFa,b\n"x, y","say ""hi"""\n"two\nlines",z\r\nlast,\nshort\n');
    const rows = [...readCsvRows(file)].map((r) => ('problem' in r ? [r.line, r.problem] : [r.line, r.get('a'), r.get('b')]));
    expect(rows).toEqual([
      [2, 'x, y', 'say "hi"'],
      [3, 'two\nlines', 'z'],
      [5, 'last', ''],
      [6, 'has 1 fields, the header 2'],
    ]);
  });

  it('reads the same rows however the text is cut into chunks (a doubled quote or CR LF across a cut)', () => {
    const text = 'a,"b ""q"""\r\n"c\nd",e\r\n';
    const whole = [...csvCells([text])];
    for (let cut = 1; cut < text.length; cut += 1) expect([...csvCells([text.slice(0, cut), text.slice(cut)])]).toEqual(whole);
    expect(whole.map((r) => r.cells)).toEqual([
      ['a', 'b "q"'],
      ['c\nd', 'e'],
    ]);
  });
});
