import { applyDecorators } from '@nestjs/common';
import { ApiNotAcceptableResponse, ApiOkResponse } from '@nestjs/swagger';

/** The three representations every report has (API.md "Formats"), for the OpenAPI document. */
export function ReportResponses(): MethodDecorator {
  return applyDecorators(
    ApiOkResponse({
      description:
        'The report, computed against a signed checkpoint: `{ report, tenant, period, asOf, generatedAt, checkpoint, verifierKey, rulesVersion, …, rulesCited, totals }` as JSON; one RFC 4180 row per line item as CSV; or a PDF. `?format` wins over `Accept`.',
      content: {
        'application/json': { schema: { type: 'object' } },
        'text/csv': { schema: { type: 'string' } },
        'application/pdf': { schema: { type: 'string', format: 'binary' } },
      },
    }),
    ApiNotAcceptableResponse({ description: 'A format other than json, csv or pdf, or an Accept header none of them satisfies' }),
  );
}
