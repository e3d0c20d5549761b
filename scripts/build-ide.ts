// npm run build:ide [-- --force]: builds the browser IDE the gateway serves (ide/dist, not committed).
// Runs before `npm start`, `npm run start:gateway` and `npm test`; does nothing when the sources,
// the lockfile and the last build agree. See docs/adr/0010-browser-ide-built-from-npm.md.
import { buildIde, ideAssetsDir } from '@resident-graph/ide/build';

const started = performance.now();
const built = await buildIde({ force: process.argv.includes('--force') });
console.log(
  built
    ? `Built the IDE into ${ideAssetsDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`
    : `The IDE in ${ideAssetsDir} is up to date`,
);
