import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { Channel, CHANNELS } from '../../../projections/events';
import { Problem } from '../../common/problem';
import { IsLedgerId, IsLedgerTimestamp } from '../../events/validation/field-constraints';
import { normalizeLedgerTimestamp } from '../../events/validation/formats/ledger-timestamp';
import { ReportRequest } from '../document/report-context';
import { REPORT_FORMATS } from '../render/report-format';

/** The query every report takes (API.md "Timelines and reports"). */
export class ReportRequestDto {
  @ApiPropertyOptional({ description: 'Start of the period, inclusive, on the events\' `time` (RFC 3339)' })
  @IsOptional()
  @IsLedgerTimestamp()
  from?: string;

  @ApiPropertyOptional({ description: 'End of the period, exclusive, on the events\' `time` (RFC 3339)' })
  @IsOptional()
  @IsLedgerTimestamp()
  to?: string;

  @ApiPropertyOptional({ description: 'Compute with what was recorded by then (default now; later than now is now)' })
  @IsOptional()
  @IsLedgerTimestamp()
  asOf?: string;

  // Checked by the handler, not here: an unknown format is 406 Not Acceptable, not 400.
  @ApiPropertyOptional({ enum: REPORT_FORMATS, description: 'json (default), csv or pdf; wins over the Accept header; anything else is 406' })
  @IsOptional()
  @IsString({ message: 'format must be a string' })
  format?: string;

  toRequest(): ReportRequest {
    const from = this.from === undefined ? null : normalizeLedgerTimestamp(this.from);
    const to = this.to === undefined ? null : normalizeLedgerTimestamp(this.to);
    if (from !== null && to !== null && to <= from) throw new Problem('validation', 'The period is empty', [{ path: 'to', message: 'to must be later than from' }]);
    return { period: { from, to }, ...(this.asOf === undefined ? {} : { asOf: normalizeLedgerTimestamp(this.asOf) }) };
  }
}

export class ViolationsRequestDto extends ReportRequestDto {
  @ApiPropertyOptional({ enum: CHANNELS, description: 'Only contacts and opt-outs on this channel' })
  @IsOptional()
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel?: Channel;
}

export class CustomerIdParam {
  @IsLedgerId()
  customerId: string;
}
