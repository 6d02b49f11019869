import { ConsentStateRow } from './consent-state.entity';
import { ContactAttemptRow } from './contact-attempt.entity';
import { CustomerRow } from './customer.entity';
import { DncStateRow } from './dnc-state.entity';
import { PolicyVersionRow } from './policy-version.entity';
import { ProjectionPositionRow } from './projection-position.entity';
import { RelationshipRow } from './relationship.entity';

export { ConsentStateRow, ContactAttemptRow, CustomerRow, DncStateRow, PolicyVersionRow, ProjectionPositionRow, RelationshipRow };

export const READ_MODEL_ENTITIES = [CustomerRow, ConsentStateRow, RelationshipRow, DncStateRow, PolicyVersionRow, ContactAttemptRow, ProjectionPositionRow];

/** Every read-model table, for rebuilds. */
export const READ_MODEL_TABLES = ['rm_customers', 'rm_consent_states', 'rm_relationships', 'rm_dnc_states', 'rm_policy_versions', 'rm_contact_attempts', 'rm_projection_positions'];
