/** `npm run cli-help`: write server/cli/help.json, the help pages bin/hongtu.mjs prints without starting TypeScript. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { helpPages } from '../server/cli/program';

const file = path.resolve(import.meta.dirname, '../server/cli/help.json');
writeFileSync(file, `${JSON.stringify(helpPages(), null, 2)}\n`);
console.log(`cli-help: ${path.relative(process.cwd(), file)}`);
