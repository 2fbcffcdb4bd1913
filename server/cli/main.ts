/**
 * `hongtu` — one command per file in server/cli/commands/, each exporting `register(program)`.
 */
import { buildProgram } from './program';

await buildProgram().parseAsync(process.argv);
