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

  async *rows(): AsyncIterable<object> {
    await this.seal();
    const lines = createInterface({ input: fs.createReadStream(this.file, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) yield JSON.parse(line) as object;
  }
}
