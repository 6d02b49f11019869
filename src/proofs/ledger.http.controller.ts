import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, TenantPrincipal } from '../auth/access';
import { CurrentTenantKey } from '../auth/principal.decorator';
import { Checkpoints } from './checkpoints';
import { ConsistencyProofRequest, InclusionProofRequest, VerifyRequest } from './ledger.request.dto';
import { LogSigner } from './log-signer';
import { LogVerification, VerificationReport } from './log-verification';
import { ConsistencyProof, InclusionProof, Proofs } from './proofs';

/** The tenant's log as a verifiable transparency log (API.md "Integrity"). */
@ApiTags('integrity')
@ApiBearerAuth()
@Controller('v1/ledger')
export class LedgerController {
  constructor(
    private readonly checkpoints: Checkpoints,
    private readonly signer: LogSigner,
    private readonly proofs: Proofs,
    private readonly verification: LogVerification,
  ) {}

  @Get('checkpoint')
  @Access('auditor', 'admin')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'A C2SP signed note of the current tree size and root (tlog-checkpoint)', description: 'Keep it: a later consistency proof shows the log only grew from it.' })
  async checkpoint(@CurrentTenantKey() key: TenantPrincipal): Promise<string> {
    return (await this.checkpoints.current(key.tenantId)).note;
  }

  @Get('verifier-key')
  @Access('auditor', 'admin')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'The signed-note verifier key: <name>+<hex key hash>+<base64(0x01 ‖ Ed25519 public key)>' })
  verifierKey(@CurrentTenantKey() key: TenantPrincipal): string {
    return `${this.signer.verifierKey(key.tenantId)}\n`;
  }

  @Get('proof/inclusion')
  @Access('auditor', 'admin')
  @ApiOperation({ summary: 'RFC 9162 inclusion proof of one entry' })
  inclusion(@CurrentTenantKey() key: TenantPrincipal, @Query() request: InclusionProofRequest): Promise<InclusionProof> {
    return this.proofs.inclusion(key.tenantId, request.sequence, request.treeSize);
  }

  @Get('proof/consistency')
  @Access('auditor', 'admin')
  @ApiOperation({ summary: 'RFC 9162 consistency proof between two tree sizes (1 ≤ from ≤ to ≤ current size)' })
  consistency(@CurrentTenantKey() key: TenantPrincipal, @Query() request: ConsistencyProofRequest): Promise<ConsistencyProof> {
    return this.proofs.consistency(key.tenantId, request.from, request.to);
  }

  @Get('verify')
  @Access('auditor', 'admin')
  @ApiOperation({ summary: 'Recompute every leaf in [from, to) from the stored entries, the root, and consistency with every stored checkpoint' })
  verify(@CurrentTenantKey() key: TenantPrincipal, @Query() request: VerifyRequest): Promise<VerificationReport> {
    return this.verification.verify(key.tenantId, { from: request.from, to: request.to });
  }
}
