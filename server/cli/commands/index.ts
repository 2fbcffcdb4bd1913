/** Every CLI command module; add one import and one call per command file. */
import type { Command } from 'commander';
import { register as registerKt } from './kt';

export function registerCommands(program: Command): void {
  registerKt(program);
}
