import type { AccessRules } from '@resident-graph/authorization';
import type { Logger } from '@resident-graph/logging';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { servableSupergraph } from './authorization/servable-supergraph.js';
import { supergraphSubgraphs } from './supergraph.js';

/** A supergraph ready to hand to ApolloGateway, and its version. */
export interface PreparedSupergraph {
  /** The SDL ApolloGateway serves: without the security specs it cannot load (see servableSupergraph). */
  readonly sdl: string;
  /** Who may read what, from the supergraph's @authenticated, @requiresScopes and @policy. */
  readonly rules: AccessRules;
  /** sha256 of the text as read: the version readiness and logs report. */
  readonly hash: string;
  /** The subgraphs it names. */
  readonly subgraphs: readonly string[];
}

/**
 * THE one step between supergraph text (from the file, at start and on every reload) and what the
 * gateway serves. Throws when the text cannot be served; the caller keeps what it had. Any further
 * preparation of a supergraph (for example splitting out access rules) belongs here, so first
 * load and reload can never differ.
 */
export function prepareSupergraph(text: string): PreparedSupergraph {
  // Parses the SDL and reads its join__Graph enum: text that is not a supergraph fails here.
  const subgraphs = supergraphSubgraphs(text).map((s) => s.name);
  if (subgraphs.length === 0)
    throw new Error('not a supergraph: it names no subgraphs (no join__Graph enum)');
  const { sdl, rules } = servableSupergraph(text);
  return { sdl, rules, hash: createHash('sha256').update(text).digest('hex'), subgraphs };
}

/** The last reload attempt, for readiness and logs. */
export interface ReloadAttempt {
  readonly at: string;
  readonly hash: string;
  readonly result: 'applied' | 'rejected';
  /** Why it was rejected (not sent to clients: readiness is for operators). */
  readonly error?: string;
}

export interface SupergraphStatus {
  /** The version being served. */
  readonly hash: string;
  readonly subgraphs: readonly string[];
  readonly loadedAt: string;
  /** The file watched for changes, or null when the supergraph was given as text. */
  readonly path: string | null;
  readonly lastReload: ReloadAttempt | null;
}

/** ApolloGateway's `supergraphSdl` option in its function form (the hook it calls once, at start). */
export type SupergraphSdlHook = (options: { update: (sdl: string) => void }) => Promise<{
  supergraphSdl: string;
  cleanup?: () => Promise<void>;
}>;

export interface SupergraphSource {
  /** Pass as ApolloGateway's `supergraphSdl`: serves the initial supergraph, then reloads. */
  readonly hook: SupergraphSdlHook;
  /** The initial supergraph (available before the gateway starts). */
  readonly initial: PreparedSupergraph;
  status(): SupergraphStatus;
  /** Checks the file now (tests and SIGHUP); resolves when the check is done. */
  checkNow(): Promise<void>;
  /**
   * The access rules of a supergraph this source handed to ApolloGateway, by the SDL it handed over
   * (what ApolloGateway reports on each load); undefined for any other SDL.
   */
  rulesFor(sdl: string): AccessRules | undefined;
}

export interface SupergraphSourceOptions {
  /** The supergraph text to serve first. */
  text: string;
  /**
   * Re-read this file every `intervalMs` and serve it when its content changed. readFile follows
   * symlinks at each read, so an atomic swap of a symlink (as Kubernetes does for ConfigMap mounts)
   * or of the file (rename) is seen, which an inotify watch on the old inode would miss. Default: no
   * reloading.
   */
  watch?: { path: string; intervalMs: number };
  logger: Logger;
  /** Told about every reload attempt (metrics). */
  onReload?(attempt: ReloadAttempt): void;
}

/**
 * Where the gateway's supergraph comes from: the initial text, then the watched file. A new version
 * goes through prepareSupergraph and ApolloGateway's `update` (which validates and builds the new
 * schema before swapping, so in-flight requests finish on the old one); if either refuses it, the
 * old supergraph keeps serving and the rejection is logged and shown in readiness.
 */
export function createSupergraphSource(options: SupergraphSourceOptions): SupergraphSource {
  const { logger, watch } = options;
  const initial = prepareSupergraph(options.text);
  // The served version and the one before it: requests still running on the old schema keep its rules.
  let rulesBySdl = new Map<string, AccessRules>([[initial.sdl, initial.rules]]);
  let current = {
    hash: initial.hash,
    subgraphs: initial.subgraphs,
    loadedAt: new Date().toISOString(),
  };
  let lastReload: ReloadAttempt | null = null;
  /** Text hashes already tried, so a rejected file is not retried and re-logged every interval. */
  let lastSeenHash = initial.hash;
  let update: ((sdl: string) => void) | undefined;
  let checking: Promise<void> | undefined;

  const record = (attempt: ReloadAttempt) => {
    lastReload = attempt;
    options.onReload?.(attempt);
  };

  async function check(): Promise<void> {
    if (!watch || !update) return;
    let text: string;
    try {
      text = await readFile(watch.path, 'utf8');
    } catch (error) {
      // A swap in progress or a missing mount: keep serving, say so once per distinct problem.
      const message = (error as Error).message;
      if (lastReload?.error !== message) {
        logger.warn(
          { path: watch.path, err: error },
          'supergraph file unreadable; keeping the current one',
        );
        record({ at: new Date().toISOString(), hash: '', result: 'rejected', error: message });
      }
      return;
    }
    const hash = createHash('sha256').update(text).digest('hex');
    if (hash === lastSeenHash) return;
    lastSeenHash = hash;
    const at = new Date().toISOString();
    try {
      const prepared = prepareSupergraph(text);
      const previous = [...rulesBySdl].at(-1);
      rulesBySdl = new Map([...(previous ? [previous] : []), [prepared.sdl, prepared.rules]]);
      update(prepared.sdl);
      current = { hash, subgraphs: prepared.subgraphs, loadedAt: at };
      record({ at, hash, result: 'applied' });
      logger.info({ hash, path: watch.path }, 'supergraph reloaded');
    } catch (error) {
      record({ at, hash, result: 'rejected', error: (error as Error).message });
      logger.error(
        { hash, path: watch.path, err: error },
        'new supergraph rejected; the previous one keeps serving',
      );
    }
  }

  const checkNow = () => (checking ??= check().finally(() => (checking = undefined)));

  return {
    initial,
    hook: async ({ update: apply }) => {
      update = apply;
      const timer = watch ? setInterval(() => void checkNow(), watch.intervalMs) : undefined;
      timer?.unref();
      return {
        supergraphSdl: initial.sdl,
        cleanup: async () => {
          clearInterval(timer);
          update = undefined;
          await checking;
        },
      };
    },
    status: () => ({ ...current, path: watch?.path ?? null, lastReload }),
    rulesFor: (sdl) => rulesBySdl.get(sdl),
    checkNow,
  };
}
