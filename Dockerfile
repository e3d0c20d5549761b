# One image for every Resident Graph service; docker-compose.yml picks the service by its command,
# e.g. `npx tsx subgraphs/ssa/src/main.ts` or `npx tsx gateway/src/main.ts` (the default).
# No secret goes into it: keys and passwords are mounted at run time (.dockerignore keeps the local
# .data/ keys and deploy/secrets/ out of `COPY . .`; tests/repo/docker-compose.test.ts checks both).

FROM node:20-slim AS deps
# better-sqlite3 compiles from source when no prebuilt binary matches.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Manifests only, so source edits do not invalidate the `npm ci` layer. Every workspace's
# package.json must be listed (tests/repo/docker-compose.test.ts checks this).
COPY package.json package-lock.json ./
COPY frontend/package.json frontend/
COPY gateway/package.json gateway/
COPY internal/authorization/package.json internal/authorization/
COPY ide/package.json ide/
COPY internal/calendar/package.json internal/calendar/
COPY internal/caller/package.json internal/caller/
COPY internal/config/package.json internal/config/
COPY internal/dev-issuer/package.json internal/dev-issuer/
COPY internal/errors/package.json internal/errors/
COPY internal/federation/package.json internal/federation/
COPY internal/graphql-http/package.json internal/graphql-http/
COPY internal/logging/package.json internal/logging/
COPY internal/notifications/package.json internal/notifications/
COPY internal/observability/package.json internal/observability/
COPY internal/personas/package.json internal/personas/
COPY internal/store/package.json internal/store/
COPY internal/testing/package.json internal/testing/
COPY subgraphs/cms/package.json subgraphs/cms/
COPY subgraphs/identity/package.json subgraphs/identity/
COPY subgraphs/irs/package.json subgraphs/irs/
COPY subgraphs/life-events/package.json subgraphs/life-events/
COPY subgraphs/ssa/package.json subgraphs/ssa/
COPY subgraphs/state/package.json subgraphs/state/
COPY subgraphs/usps/package.json subgraphs/usps/
COPY subgraphs/va/package.json subgraphs/va/
# Dev dependencies stay: services run TypeScript directly with tsx.
RUN npm ci --no-audit --no-fund

FROM node:20-slim
# production: no query plans to clients, no introspection or "Did you mean" unless configured.
ENV APOLLO_TELEMETRY_DISABLED=true NODE_ENV=production
WORKDIR /app
COPY --from=deps /app ./
COPY . .
# The browser IDE the gateway serves: built from the locked npm packages, never fetched at run time.
RUN npm run build:ide
# Named volumes start with the ownership of the image's mount point (docker-compose.yml mounts these).
RUN mkdir -p /data /public-keys && chown node:node /data /public-keys
USER node
ENV DATA_DIR=/data
# The gateway's Node flags: gateway/src/node-flags.ts (docker-compose.yml sets each service's command).
CMD ["node", "--max-semi-space-size=64", "--heap-growing-percent=40", "--import", "tsx", "gateway/src/main.ts"]
