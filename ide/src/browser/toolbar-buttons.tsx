import { ToolbarButton, useGraphiQL } from '@graphiql/react';
import { useState } from 'react';
import { curlCommand } from './curl.js';
import { shareLink } from './share-link.js';

/** What a copy button last did, shown in its label for a moment. */
function useCopyFeedback(idle: string) {
  const [label, setLabel] = useState(idle);
  const show = (text: string) => {
    setLabel(text);
    setTimeout(() => setLabel(idle), 2000);
  };
  const copy = async (produce: () => string) => {
    try {
      await navigator.clipboard.writeText(produce());
      show('Copied');
    } catch (error) {
      show(error instanceof Error ? error.message : 'Could not copy');
    }
  };
  return { label, copy };
}

/** The editors' current contents, read when a button is pressed. */
function useEditorValues() {
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const operationName = useGraphiQL((state) => state.operationName);
  return () => ({
    query: queryEditor?.getValue() ?? '',
    variables: variableEditor?.getValue() ?? '',
    headers: headerEditor?.getValue() ?? '',
    ...(operationName ? { operationName } : {}),
  });
}

function LinkIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      className="graphiql-toolbar-icon"
    >
      <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
      <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
    </svg>
  );
}

/** Copies a link that opens this operation (and its variables, never its headers) in the IDE. */
export function ShareLinkButton() {
  const values = useEditorValues();
  const { label, copy } = useCopyFeedback('Copy a shareable link (without headers)');
  return (
    <ToolbarButton
      label={label}
      onClick={() => void copy(() => shareLink(window.location.href.split('#')[0]!, values()))}
    >
      <LinkIcon />
    </ToolbarButton>
  );
}

/** Copies the request, headers included, as a curl command. */
export function CopyCurlButton({ endpoint }: { endpoint: string }) {
  const values = useEditorValues();
  const { label, copy } = useCopyFeedback('Copy as curl');
  return (
    <ToolbarButton
      label={label}
      onClick={() => void copy(() => curlCommand({ url: endpoint, ...values() }))}
    >
      <span aria-hidden="true" className="rg-toolbar-glyph">
        curl
      </span>
    </ToolbarButton>
  );
}
