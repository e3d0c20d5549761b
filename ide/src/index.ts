// What the gateway needs at run time. The build (Vite) is a separate entry, @resident-graph/ide/build,
// so serving the IDE never loads the bundler.
export { ideAssetsDir } from './assets.js';
export {
  IDE_ASSETS_PATH,
  IDE_CONFIG_ELEMENT_ID,
  type DevPersona,
  type DevSignInConfig,
  type IdeConfig,
  type IdeExample,
} from './ide-config.js';
