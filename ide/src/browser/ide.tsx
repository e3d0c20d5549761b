import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { useMemo } from 'react';
import type { IdeConfig } from '../ide-config.js';
import { sharedOperation } from './share-link.js';
import { signInPlugin } from './sign-in-plugin.js';
import { CopyCurlButton, ShareLinkButton } from './toolbar-buttons.js';

/**
 * GraphiQL with the Resident Graph additions: one tab per life-event example, a "sign in as" panel in
 * development, and toolbar buttons for a shareable link and a curl command. Docs and search (the
 * reference panel), history, prettify and the variables and headers editors are GraphiQL's own.
 */
export function Ide({ config }: { config: IdeConfig }) {
  const endpoint = new URL(config.endpoint, window.location.href).toString();
  const fetcher = useMemo(() => createGraphiQLFetcher({ url: endpoint }), [endpoint]);
  const plugins = useMemo(
    () => [HISTORY_PLUGIN, ...(config.devSignIn ? [signInPlugin(config.devSignIn)] : [])],
    [config.devSignIn],
  );
  // A shared link opens its operation in a tab of its own, before the examples.
  const shared = useMemo(() => sharedOperation(window.location.hash), []);
  const examples = config.examples.map((example) => ({ query: example.query }));
  const defaultTabs = shared ? [shared, ...examples] : examples;

  return (
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={defaultTabs}
      {...(shared ? { initialQuery: shared.query, initialVariables: shared.variables ?? '' } : {})}
      plugins={plugins}
      defaultEditorToolsVisibility="headers"
      shouldPersistHeaders={false}
    >
      <GraphiQL.Logo>Resident Graph</GraphiQL.Logo>
      <GraphiQL.Toolbar>
        {({ prettify, copy, merge }) => (
          <>
            {prettify}
            {merge}
            {copy}
            <ShareLinkButton />
            <CopyCurlButton endpoint={endpoint} />
          </>
        )}
      </GraphiQL.Toolbar>
    </GraphiQL>
  );
}
