/**
 * What every service call receives: the signed-in viewer, the store, this request's loaders and
 * access log, and the clock. Services check scope against `viewer` themselves (deny by default).
 */
import type { GraphStore } from '../../graph';
import type { AppLogger } from '../app-deps';
import type { Loaders } from '../api/loaders';
import type { AccessLog } from '../audit/access-log';
import type { RulesEngine } from '../rules/engine';
import type { Viewer } from './viewer';

export interface Session {
  viewer: Viewer;
  store: GraphStore;
  loaders: Loaders;
  audit: AccessLog;
  /** Epoch ms; injectable so tests can pin "now". */
  now: () => number;
  /** The rules catalogue, overrides and evaluation. */
  rules: RulesEngine;
  /** For failures that must not fail the request (e.g. an event hook). Lines carry the request id. */
  log: AppLogger;
}
