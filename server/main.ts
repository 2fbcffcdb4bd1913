/** Read config, open the store, ensure the demo data, listen — nothing else. */
import { loadConfig } from './config';
import { startServer } from './start-server';
import { StartupError } from './startup';

const running = await startServer(loadConfig()).catch((e: unknown) => {
  if (!(e instanceof StartupError)) throw e;
  console.error(e.message);
  process.exit(e.exitCode);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void running.close().then(() => process.exit(0)));
}
