import { useGraphiQL, useGraphiQLActions, type GraphiQLPlugin } from '@graphiql/react';
import { useState } from 'react';
import type { DevPersona, DevSignInConfig } from '../ide-config.js';
import { withAuthorization } from './authorization-header.js';

/** Asks the gateway's development issuer for a persona's access token. */
async function personaToken(tokenPath: string, persona: DevPersona): Promise<string> {
  const response = await fetch(tokenPath, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persona: persona.handle }),
  });
  const body = (await response.json()) as { token?: string; errors?: { message: string }[] };
  if (!response.ok || !body.token) {
    throw new Error(body.errors?.[0]?.message ?? `The gateway answered ${response.status}`);
  }
  return body.token;
}

function SignInPanel({ devSignIn }: { devSignIn: DevSignInConfig }) {
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const actions = useGraphiQLActions();
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  const signIn = async (persona: DevPersona) => {
    try {
      const token = await personaToken(devSignIn.tokenPath, persona);
      const headers = withAuthorization(headerEditor?.getValue() ?? '', token);
      headerEditor?.setValue(headers);
      actions.updateActiveTabValues({ headers });
      setStatus({ text: `Signed in as ${persona.name} in this tab.`, error: false });
    } catch (error) {
      setStatus({ text: error instanceof Error ? error.message : String(error), error: true });
    }
  };

  return (
    <section className="rg-sign-in" aria-labelledby="rg-sign-in-title">
      <div className="graphiql-doc-explorer-title" id="rg-sign-in-title">
        Sign in as
      </div>
      <p>
        Development only: the gateway issues a one-hour token for a seeded persona from its
        development issuer and puts it in this tab’s Authorization header.
      </p>
      <p role="status" className={status?.error ? 'rg-error' : undefined}>
        {status?.text}
      </p>
      <ul>
        {devSignIn.personas.map((persona) => (
          <li key={persona.handle}>
            <button type="button" onClick={() => void signIn(persona)}>
              {persona.name}
            </button>
            <p>{persona.scenario}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PersonIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c0-4.4 3.6-8 8-8s8 3.6 8 8" />
    </svg>
  );
}

/** The sidebar panel listing the seeded personas; only offered when the dev issuer is on. */
export function signInPlugin(devSignIn: DevSignInConfig): GraphiQLPlugin {
  return {
    title: 'Sign in as',
    icon: PersonIcon,
    content: () => <SignInPanel devSignIn={devSignIn} />,
  };
}
