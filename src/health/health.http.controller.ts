import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { StoreKind } from '../config/ledger-config';
import { LedgerDatabase } from '../store/ledger-database';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: LedgerDatabase,
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process is up, and which store it uses' })
  live(): { status: 'ok'; store: StoreKind } {
    return { status: 'ok', store: this.database.store };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: the database answers and the read models are caught up (503 otherwise)' })
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      async () => {
        const indicator = this.indicators.check('database');
        return (await this.database.isReachable()) ? indicator.up({ store: this.database.store }) : indicator.down({ store: this.database.store });
      },
      // Read models are written in the append transaction (DESIGN.md invariant 5): never behind.
      async () => this.indicators.check('projections').up({ mode: 'inline' }),
    ]);
  }
}
