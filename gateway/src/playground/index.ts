export { createPlaygroundRouter, DEV_SIGN_IN_PATH, type PlaygroundOptions } from './playground.js';
export { personaSignIn } from './persona-sign-in.js';
export { readExampleOperations } from './examples.js';
export { IDE_CONTENT_SECURITY_POLICY } from './content-security-policy.js';
export { playgroundFromConfig } from './from-config.js';
