import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Principal } from '../auth/access';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { Problem } from '../common/problem';
import { ApiKeyRecord, Tenant, TenantRegistry } from './tenant-registry';
import { CreateKeyRequest, CreateTenantRequest, KeyParam, TenantParam } from './tenants.request.dto';

/** Operator endpoints (API.md "Tenants and keys"). */
@ApiTags('tenants')
@ApiBearerAuth()
@Controller('v1/tenants')
export class TenantsController {
  constructor(private readonly registry: TenantRegistry) {}

  @Post()
  @Access('root')
  @ApiOperation({ summary: 'Create a tenant (root key)' })
  create(@Body() request: CreateTenantRequest): Promise<Tenant> {
    return this.registry.createTenant(request);
  }

  @Post(':id/keys')
  @Access('root', 'admin')
  @ApiOperation({ summary: "Create an API key (root, or the tenant's admin); the key is shown only here" })
  async createKey(@CurrentPrincipal() caller: Principal, @Param() { id }: TenantParam, @Body() request: CreateKeyRequest): Promise<ApiKeyRecord & { key: string }> {
    await this.requireTenant(caller, id);
    const { revokedAt, ...created } = await this.registry.createKey(id, request.role, request.label);
    return created as ApiKeyRecord & { key: string };
  }

  @Get(':id/keys')
  @Access('root', 'admin')
  @ApiOperation({ summary: "List a tenant's keys (root, or the tenant's admin)" })
  async listKeys(@CurrentPrincipal() caller: Principal, @Param() { id }: TenantParam): Promise<ApiKeyRecord[]> {
    await this.requireTenant(caller, id);
    return this.registry.listKeys(id);
  }

  @Delete(':id/keys/:keyId')
  @HttpCode(204)
  @Access('root', 'admin')
  @ApiOperation({
    summary: 'Revoke a key; it stops working at once',
    description: 'Other instances sharing a PostgreSQL database stop accepting it when the database notifies them of the revocation, milliseconds after it commits.',
  })
  async revokeKey(@CurrentPrincipal() caller: Principal, @Param() { id, keyId }: KeyParam): Promise<void> {
    await this.requireTenant(caller, id);
    if (!(await this.registry.revokeKey(id, keyId))) throw new Problem('not-found', 'No such key');
  }

  /** Another tenant's things answer exactly like things that do not exist. */
  private async requireTenant(caller: Principal, tenantId: string): Promise<void> {
    const visible = caller.kind === 'root' || caller.tenantId === tenantId;
    if (!visible || !(await this.registry.findTenant(tenantId))) throw new Problem('not-found', 'No such tenant');
  }
}
