import { IDE_CONFIG_ELEMENT_ID, type IdeConfig } from '@resident-graph/ide';

const PLACEHOLDER = '<!-- ide-config -->';

/**
 * The built index.html with the IDE's configuration in a JSON data block. `<` is escaped so no value
 * (an example's text, a persona's scenario) can close the element and inject markup.
 */
export function renderIdePage(builtIndexHtml: string, config: IdeConfig): string {
  if (!builtIndexHtml.includes(PLACEHOLDER)) {
    throw new Error(`the built IDE page has no ${PLACEHOLDER} placeholder; rebuild it`);
  }
  const json = JSON.stringify(config).replaceAll('<', '\\u003c');
  return builtIndexHtml.replace(
    PLACEHOLDER,
    `<script type="application/json" id="${IDE_CONFIG_ELEMENT_ID}">${json}</script>`,
  );
}
