// Writes docs/errors.md from the error registry in internal/errors. Run: npm run docs:errors
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { errorDocsPath, renderErrorDocs } from './lib/error-docs.js';

const target = fileURLToPath(new URL(`../${errorDocsPath}`, import.meta.url));
writeFileSync(target, renderErrorDocs());
console.log(`wrote ${errorDocsPath}`);
