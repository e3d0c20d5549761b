// npm run deploy:secrets -- [--dir deploy/secrets]
// Creates the passwords docker-compose.yml mounts as secrets (PostgreSQL's admin and one per agency
// role), each a random value in its own file, keeping any that exist. The folder is in .gitignore and
// .dockerignore: secrets reach containers as mounted files at run time, never through git or an image.
import { parseArgs } from 'node:util';
import { writeDeploymentSecrets } from './lib/deployment-secrets.js';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'deploy/secrets' } } });
const written = writeDeploymentSecrets(values.dir);
console.log(
  written.length
    ? `Wrote ${written.join(', ')} in ${values.dir}/`
    : `Every secret already exists in ${values.dir}/; nothing changed`,
);
