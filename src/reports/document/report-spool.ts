import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { ReportList } from './report-document';

/**
 * Line items of a report that grow with the log (violations, opt-outs, suppressions) go to a
 * temporary file, one JSON line each, while the log streams by; renderers read them back after
 * the totals are known. The process keeps one line at a time, whatever the period, and every
 * format can state its totals before the details. The files are removed on `dispose`.
 */
export class ReportSpool {
  private readonly lists: SpooledList[] = [];
  private disposed: Promise<void> | undefined;

  private constructor(readonly directory: string) {}

  static async create(): Promise<ReportSpool> {
    return new ReportSpool(await fs.promises.mkdtemp(path.join(os.tmpdir(), 'compliance-ledger-report-')));
  }

  list(key: string): SpooledList {
    const list = new SpooledList(key, path.join(this.directory, `${this.lists.length}.ndjson`));
    this.lists.push(list);
    return list;
  }

  /** Every list written and closed: they can be read. */
  async seal(): Promise<void> {
    await Promise.all(this.lists.map((list) => list.seal()));
  }

  /** Removes the files; safe to call more than once (the response's end and its owner may both ask). */
  dispose(): Promise<void> {
    this.disposed ??= Promise.all(this.lists.map((list) => list.seal())).then(() => fs.promises.rm(this.directory, { recursive: true, force: true }));
    return this.disposed;
  }
}

/** Read back a page at a time: a few hundred kilobytes held, whatever the list's length. */
const ROWS_PER_PAGE = 500;

export class SpooledList implements ReportList {
  readonly kind = 'list';
  count = 0;
  private readonly output: fs.WriteStream;
  private sealed: Promise<void> | undefined;

  constructor(
    readonly key: string,
    private readonly file: string,
  ) {
    this.output = fs.createWriteStream(file, { encoding: 'utf8' });
  }

  async append(item: object): Promise<void> {
    this.count++;
    if (!this.output.write(`${JSON.stringify(item)}\n`)) await once(this.output, 'drain');
  }

  seal(): Promise<void> {
    this.sealed ??= new Promise((resolve, reject) => this.output.end((error?: Error | null) => (error ? reject(error) : resolve())));
    return this.sealed;
  }

  async *pages(): AsyncIterable<object[]> {
    await this.seal();
    const lines = createInterface({ input: fs.createReadStream(this.file, { encoding: 'utf8' }), crlfDelay: Infinity });
    let page: object[] = [];
    for await (const line of lines) {
      page.push(JSON.parse(line) as object);
      if (page.length === ROWS_PER_PAGE) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
  }
}
