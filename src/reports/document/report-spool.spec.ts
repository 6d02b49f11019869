import * as fs from 'node:fs';
import { ReportList, rowsOf } from './report-document';
import { ReportSpool } from './report-spool';

async function allRows(list: ReportList): Promise<object[]> {
  const all: object[] = [];
  for await (const row of rowsOf(list)) all.push(row);
  return all;
}

async function pageSizes(list: ReportList): Promise<number[]> {
  const sizes: number[] = [];
  for await (const page of list.pages()) sizes.push(page.length);
  return sizes;
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
    expect(await allRows(items)).toEqual(written);
    expect(await allRows(items)).toHaveLength(20_000);
    expect(await allRows(empty)).toEqual([]);
    // Read back a page at a time, never the whole list.
    expect(new Set(await pageSizes(items))).toEqual(new Set([500]));
    expect(await pageSizes(empty)).toEqual([]);
    expect(fs.readdirSync(spool.directory).sort()).toEqual(['0.ndjson', '1.ndjson']);

    await Promise.all([spool.dispose(), spool.dispose()]);
    expect(fs.existsSync(spool.directory)).toBe(false);
    await spool.dispose();
  });
});
