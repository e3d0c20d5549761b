// npm run keys: creates the development keys in DATA_DIR/keys/ if they are missing (docker-compose's
// setup step runs this before the subgraphs start; `npm start` does it itself).
import { ensureDevelopmentKeys } from './lib/keys.js';

const dataDir = process.env['DATA_DIR'] ?? '.data';
await ensureDevelopmentKeys(dataDir);
console.log(`Development keys are in ${dataDir}/keys/`);
