/**
 * `hongtu` — one command per file in server/cli/commands/, each exporting `register(program)`.
 */
import { Command } from 'commander';
import { registerCommands } from './commands/index';

const program = new Command();
program.name('hongtu').description('红图 Hongtu — Party-building knowledge graph and learning recommender').showHelpAfterError();
registerCommands(program);
await program.parseAsync(process.argv);
