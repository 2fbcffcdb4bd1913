/**
 * What the party-affairs services need beyond the session: the rules in force and the instance's
 * signing keys (for portable learning profiles) with the instances it trusts.
 */
import type { InstanceKeys, ProfileTrust } from './profile';
import { catalogueSource, type RuleSource } from './rule-source';

export interface AffairsDeps {
  /** Where rules in force come from; absent: the request's rules engine (catalogue with overrides). */
  rules?: RuleSource;
  /** Absent: this instance cannot export profiles. */
  keys?: InstanceKeys;
  /** Absent: this instance imports no profiles. */
  trust?: ProfileTrust;
}

export const defaultAffairsDeps = (): AffairsDeps => ({});

/** The rule source a service uses: the deps' own, else the session's rules engine, else the bare catalogue. */
export const rulesOf = (deps: AffairsDeps, s: { rules?: RuleSource }): RuleSource => deps.rules ?? s.rules ?? catalogueSource();
