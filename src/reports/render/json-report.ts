import { ReportDocument } from '../document/report-document';

/** Large enough to amortize a socket write, small enough that a chunk never matters to memory. */
const CHUNK_CHARACTERS = 64 * 1024;

/**
 * The report as one JSON object — envelope, its parts in order, `rulesCited`, `totals` — written
 * a page of line items at a time and handed on in chunks.
 */
export async function* jsonReport(document: ReportDocument): AsyncGenerator<string> {
  let chunk = `{${Object.entries(document.envelope)
    .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`)
    .join(',')}`;
  for (const part of document.parts) {
    chunk += `,${JSON.stringify(part.key)}:`;
    if (part.kind === 'object') {
      chunk += JSON.stringify(part.value);
      continue;
    }
    chunk += '[';
    let first = true;
    for await (const page of part.pages()) {
      if (page.length === 0) continue;
      // The page's items without the brackets around them.
      const items = JSON.stringify(page).slice(1, -1);
      chunk += first ? items : `,${items}`;
      first = false;
      if (chunk.length >= CHUNK_CHARACTERS) {
        yield chunk;
        chunk = '';
      }
    }
    chunk += ']';
  }
  yield `${chunk},"rulesCited":${JSON.stringify(document.rulesCited)},"totals":${JSON.stringify(document.totals)}}`;
}
