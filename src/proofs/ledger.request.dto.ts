import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

const MAX = Number.MAX_SAFE_INTEGER;

export class InclusionProofRequest {
  @ApiProperty({ description: 'The leaf index (the entry\'s sequence)', minimum: 0 })
  @Type(() => Number)
  @IsInt({ message: 'sequence must be an integer' })
  @Min(0, { message: 'sequence must be at least 0' })
  @Max(MAX, { message: 'sequence must be at most 2^53-1' })
  sequence: number;

  @ApiPropertyOptional({ description: 'Tree size to prove against; defaults to the current size', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'treeSize must be an integer' })
  @Min(1, { message: 'treeSize must be at least 1' })
  @Max(MAX, { message: 'treeSize must be at most 2^53-1' })
  treeSize?: number;
}

export class ConsistencyProofRequest {
  @ApiProperty({ description: 'The older tree size', minimum: 1 })
  @Type(() => Number)
  @IsInt({ message: 'from must be an integer' })
  @Max(MAX, { message: 'from must be at most 2^53-1' })
  from: number;

  @ApiProperty({ description: 'The newer tree size, at most the current size' })
  @Type(() => Number)
  @IsInt({ message: 'to must be an integer' })
  @Max(MAX, { message: 'to must be at most 2^53-1' })
  to: number;
}

export class VerifyRequest {
  @ApiPropertyOptional({ description: 'First sequence whose leaf is recomputed (default 0)', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'from must be an integer' })
  @Min(0, { message: 'from must be at least 0' })
  @Max(MAX, { message: 'from must be at most 2^53-1' })
  from?: number;

  @ApiPropertyOptional({ description: 'Sequence after the last recomputed leaf (default: the current size)', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'to must be an integer' })
  @Min(0, { message: 'to must be at least 0' })
  @Max(MAX, { message: 'to must be at most 2^53-1' })
  to?: number;
}
