/**
 * What createApp needs. Tests build their own (a temp Kuzu store, a counting store proxy, config
 * overrides); server/main.ts builds the real one.
 */
import type { GraphStore } from '../graph';
import type { AffairsDeps } from './affairs/affairs-deps';
import type { Config } from './config';
import type { OidcSignIn } from './auth/oidc';
import type { EmbedderInfo } from './learning/embed/embedder';
import type { LearnerServices } from './learning/learner-services';
import type { SearchService } from './learning/search/search';
import type { TopicTagger } from './learning/tagging/topic-tagger';
import type { EventHooks } from './members/activity';
import type { RulesEngine } from './rules/engine';

/**
 * Services of the learning feature (recommendations, study plans, gaps, tagging, search). Add a field
 * per service here, make it optional so tests that don't need it stay small, and read it in your
 * resolvers from `ctx.deps.learning`. `hooks` run after each study/answer is stored (mastery, gaps).
 */
export interface LearningDeps {
  hooks?: EventHooks;
  /** Mastery, gaps, recommendations, plans (server/learning/learner-services); its `hooks` go in `hooks`. */
  learner?: LearnerServices;
  /** suggestTopics (server/learning/tagging); build with TopicTagger.forStore. */
  tagger?: TopicTagger;
  /** search (server/learning/search). */
  search?: SearchService;
  /** The embedder in use and why `auto` fell back, if it did (for readiness). */
  embedder?: EmbedderInfo;
}

/** Where the server writes log lines; yoga's logger satisfies it. */
export interface AppLogger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export interface AppDeps {
  config: Readonly<Config>;
  store: GraphStore;
  learning?: LearningDeps;
  /** Party affairs: rules in force, the instance's signing keys and the instances it trusts. Default: the catalogue, no keys. */
  affairs?: AffairsDeps;
  logger?: AppLogger;
  /** Epoch ms; tests pin it. Default Date.now. */
  now?: () => number;
  /** The rules engine (catalogue checked at start); createApp builds one over `store` when absent. */
  rules?: RulesEngine;
  /** Campus single sign-on; createApp builds it from config.auth.oidc (null when that is unset). */
  oidc?: OidcSignIn | null;
}
