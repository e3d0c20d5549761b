import type { SigningKey } from '@resident-graph/caller';
import { issueAccessToken } from '@resident-graph/dev-issuer';
import { personaHandles, personas } from '@resident-graph/personas';
import type { PlaygroundOptions } from './playground.js';

/**
 * "Sign in as" for the IDE: the seeded personas, and one-hour access tokens for them signed with the
 * development issuer's key (`key`), for `issuer` and `audience` as the gateway expects them. Only
 * ever built when the gateway runs with the development issuer.
 */
export function personaSignIn(
  key: SigningKey,
  token: { issuer: string; audience: string },
): NonNullable<PlaygroundOptions['devSignIn']> {
  // Names, scenarios and ids do not depend on the date the personas are seeded as of.
  const seeded = personas('2026-06-15');
  return {
    personas: seeded.flatMap((p) =>
      p.handle
        ? [
            {
              handle: p.handle,
              name: `${p.identity.givenName} ${p.identity.familyName}`,
              scenario: p.scenario ?? '',
            },
          ]
        : [],
    ),
    async issueToken(handle) {
      if (!(personaHandles as readonly string[]).includes(handle)) return null;
      const persona = seeded.find((p) => p.handle === handle)!;
      return issueAccessToken(key, {
        residentId: persona.id,
        assurance: persona.identity.assurance,
        issuer: token.issuer,
        audience: token.audience,
        expiresIn: '1h',
      });
    },
  };
}
