/** The `hongtu` command tree (no parsing here): main.ts runs it, the help cache is printed from it. */
import { Command } from 'commander';
import { registerCommands } from './commands/index';

export function buildProgram(): Command {
  const program = new Command();
  program.name('hongtu').description('红图 Hongtu — Party-building knowledge graph and learning recommender').showHelpAfterError();
  registerCommands(program);
  return program;
}

/**
 * Every help page as commander prints it at 80 columns: '' for `hongtu --help`, a command's name for
 * `hongtu <command> --help`. bin/hongtu.mjs prints these from server/cli/help.json without starting
 * TypeScript or loading any command (see scripts/cli-help.ts; a test keeps the file in step).
 */
export function helpPages(program = buildProgram()): Record<string, string> {
  const width = { getOutHelpWidth: () => 80, getErrHelpWidth: () => 80 };
  program.configureOutput(width);
  const pages: Record<string, string> = { '': program.helpInformation() };
  for (const c of program.commands) {
    c.configureOutput(width);
    pages[c.name()] = c.helpInformation();
  }
  return pages;
}
