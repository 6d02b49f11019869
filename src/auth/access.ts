import { SetMetadata } from '@nestjs/common';
import { KeyRole } from '../../projections/events';
import { KeyHolder } from '../tenants/tenant-registry';

/** Who may call a route: the operator's root key and/or tenant key roles. */
export type Caller = 'root' | KeyRole;

export const ACCESS_METADATA = 'compliance-ledger:access';

/** Routes without it are public (health, docs). */
export const Access = (...callers: Caller[]) => SetMetadata(ACCESS_METADATA, callers);

export type Principal = { kind: 'root' } | ({ kind: 'key' } & KeyHolder);

/** Data endpoints act on the key's own tenant only. */
export type TenantPrincipal = Extract<Principal, { kind: 'key' }>;
