import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ERASURE_BASES, type ErasureRequestedData } from '../../../../projections/events';
import { EventDataDto } from './actor.dto';

/** Deletes the customer's vault; only `admin` keys may append it (checked by the caller, not here). */
export class ErasureRequestedDataDto extends EventDataDto implements ErasureRequestedData {
  @ApiProperty({ description: 'The legal basis of the erasure.', enum: [...ERASURE_BASES] })
  @IsIn(ERASURE_BASES)
  basis: ErasureRequestedData['basis'];
}
