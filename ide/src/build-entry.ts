export { buildIde, ideBuildIsFresh, ideInputsHash } from './build.js';
export { ideAssetsDir } from './assets.js';
