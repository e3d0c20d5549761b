import { IDE_CONFIG_ELEMENT_ID, type IdeConfig } from '../ide-config.js';

/** The IdeConfig the gateway embedded in the page. */
export function readIdeConfig(document: Document): IdeConfig {
  const element = document.getElementById(IDE_CONFIG_ELEMENT_ID);
  if (!element?.textContent) throw new Error('The page carries no IDE configuration');
  return JSON.parse(element.textContent) as IdeConfig;
}
