import * as fs from 'node:fs';
import { ReportSpool } from './report-spool';

async function rowsOf(rows: AsyncIterable<object>): Promise<object[]> {
  const all: object[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

describe('the report spool', () => {
  it('gives back what was written, in order, as often as asked, and leaves nothing behind', async () => {
    const spool = await ReportSpool.create();
    const items = spool.list('items');
    const empty = spool.list('empty');
    const written = Array.from({ length: 20_000 }, (_, index) => ({ index, text: `line ${index}\nwith "quotes" and ünïcödé` }));
    for (const item of written) await items.append(item);
    await spool.seal();

    expect({ key: items.key, count: items.count, emptyCount: empty.count }).toEqual({ key: 'items', count: 20_000, emptyCount: 0 });
    expect(await rowsOf(items.rows())).toEqual(written);
    expect(await rowsOf(items.rows())).toHaveLength(20_000);
    expect(await rowsOf(empty.rows())).toEqual([]);
    expect(fs.readdirSync(spool.directory).sort()).toEqual(['0.ndjson', '1.ndjson']);

    await Promise.all([spool.dispose(), spool.dispose()]);
    expect(fs.existsSync(spool.directory)).toBe(false);
    await spool.dispose();
  });
});
