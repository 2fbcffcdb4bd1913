/**
 * What the party-affairs services need beyond the session: the rules in force and the instance's
 * signing keys (for portable learning profiles) with the instances it trusts.
 */
import type { InstanceKeys, ProfileTrust } from './profile';
import { catalogueSource, type RuleSource } from './rule-source';

export interface AffairsDeps {
  rules: RuleSource;
  /** Absent: this instance cannot export profiles. */
  keys?: InstanceKeys;
  /** Absent: this instance imports no profiles. */
  trust?: ProfileTrust;
}

export const defaultAffairsDeps = (): AffairsDeps => ({ rules: catalogueSource() });
