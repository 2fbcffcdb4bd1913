/** `hongtu serve`: the same as `node server/main.ts` — serve the API and client on the configured store. */
import type { Command } from 'commander';
import { loadConfig } from '../../config';
import { startServer } from '../../start-server';

export function register(program: Command): void {
  program
    .command('serve')
    .description('Serve GraphQL at /graphql and the client at / (loads the demo data on first start)')
    .option('-p, --port <port>', 'port (default: PORT or 4000)')
    .action(async (opts: { port?: string }) => {
      const config = loadConfig(opts.port ? { ...process.env, PORT: opts.port } : process.env);
      const running = await startServer(config);
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => void running.close().then(() => process.exit(0)));
      }
    });
}
