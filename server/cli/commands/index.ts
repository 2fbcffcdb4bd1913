/** Every CLI command module; add one import and one call per command file. */
import type { Command } from 'commander';
import { register as registerKt } from './kt';
import { register as registerReembed } from './reembed';
import { register as registerTag } from './tag';

export function registerCommands(program: Command): void {
  registerKt(program);
  registerTag(program);
  registerReembed(program);
}
