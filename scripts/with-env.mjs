// Runs a command with the environment every project process needs, whatever shell or OS starts it.
// APOLLO_TELEMETRY_DISABLED must be set before @apollo/gateway loads, or it reports usage to Apollo and
// probes cloud metadata addresses; nothing in this project may contact a non-loopback address.
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-env.mjs <command> [args...]');
  process.exit(2);
}
const child = spawn(command, args, {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: {
    ...process.env,
    APOLLO_TELEMETRY_DISABLED: 'true',
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--no-warnings=ExperimentalWarning']
      .filter(Boolean)
      .join(' '),
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
// `npm` stopped by SIGTERM does not pass it on: notice our parent is gone and stop the child too.
const parent = process.ppid;
globalThis
  .setInterval(() => {
    if (process.ppid !== parent) child.kill('SIGTERM');
  }, 500)
  .unref();
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
