/** Every CLI command module; add one import and one call per command file. */
import type { Command } from 'commander';
import { register as registerCheck } from './check';
import { register as registerKt } from './kt';
import { register as registerLearn } from './learn';
import { register as registerReembed } from './reembed';
import { register as registerTag } from './tag';
import { register as registerServe } from './serve';
import { register as registerSeed } from './seed';
import { register as registerImport } from './import';
import { register as registerExport } from './export';
import { register as registerInit } from './init';
import { register as registerNeo4jImport } from './neo4j-import';
import { register as registerAudit } from './audit';

export function registerCommands(program: Command): void {
  registerServe(program);
  registerCheck(program);
  registerKt(program);
  registerLearn(program);
  registerTag(program);
  registerReembed(program);
  registerSeed(program);
  registerImport(program);
  registerExport(program);
  registerInit(program);
  registerNeo4jImport(program);
  registerAudit(program);
}
