/** The catalogue's enumerations (projections/events.ts) in the mutable form decorators take. */
import { CHANNELS, PAYMENT_TYPES, PURPOSES, RELATIONSHIP_KINDS, type RelationshipKind } from '../../../../projections/events';

export const CHANNEL_OR_ALL = [...CHANNELS, 'all'];
export const PURPOSE_OR_ALL = [...PURPOSES, 'all'];

/** The relationship kinds that carry a `paymentType` (API.md `relationship.recorded`). */
export const KINDS_WITH_PAYMENT_TYPE: readonly RelationshipKind[] = ['sale', 'payment'];

/** Policy window keys (RULES.md "Tenant policies"): `kind`, or `kind.paymentType` where a kind has one. */
export const POLICY_WINDOW_KEYS: readonly string[] = [
  ...RELATIONSHIP_KINDS,
  ...KINDS_WITH_PAYMENT_TYPE.flatMap((kind) => PAYMENT_TYPES.map((paymentType) => `${kind}.${paymentType}`)),
];

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}
