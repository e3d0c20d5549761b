import { fileURLToPath } from 'node:url';

/** Where `npm run build:ide` puts the built IDE (index.html and assets/); never committed. */
export const ideAssetsDir = fileURLToPath(new URL('../dist/', import.meta.url));
