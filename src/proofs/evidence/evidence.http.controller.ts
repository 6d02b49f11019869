import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, TenantPrincipal } from '../../auth/access';
import { CurrentTenantKey } from '../../auth/principal.decorator';
import { BUNDLE_FORMAT } from './bundle-format';
import { EvidenceBundles } from './evidence-bundles';

@ApiTags('integrity')
@ApiBearerAuth()
@Controller('v1/customers')
export class EvidenceController {
  constructor(private readonly bundles: EvidenceBundles) {}

  @Get(':customerId/evidence')
  @Access('auditor', 'admin')
  @Header('Content-Type', 'application/json')
  @ApiProduces('application/json')
  @ApiParam({ name: 'customerId', description: 'A customer id: the subject of any customer event' })
  @ApiOperation({
    summary: `The customer's evidence bundle (${BUNDLE_FORMAT})`,
    description:
      "Every entry with the customer's id as subject up to the current checkpoint, as exact leaf inputs with an inclusion proof each, " +
      'the signed checkpoint, the verifier key, the personal data with its salts (unless erased) and a statement of what it proves. ' +
      'Served as RFC 8785 canonical JSON: save the bytes as they are and check them offline with `compliance-ledger verify <file> --key <verifier key file>`; ' +
      'any changed byte fails verification (a trailing newline is tolerated).',
  })
  evidence(@CurrentTenantKey() key: TenantPrincipal, @Param('customerId') customerId: string): Promise<Buffer> {
    return this.bundles.forCustomer(key.tenantId, customerId);
  }
}
