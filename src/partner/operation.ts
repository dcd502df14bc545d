import type { EntityType } from '../models/entities.js';
import { entityUri } from '../models/entities.js';
import type { Raw } from '../parse/raw.js';

/** A persisted GraphQL query: Spotify serves it by name and sha256 hash. */
export interface PersistedOperation {
  name: string;
  hash: string;
}

/** The variables of one persisted query, as they go on the wire. */
export type Variables = Readonly<Record<string, unknown>>;

/** The long-lived public entities `doctor` probes with (the shared fixtures' entities), and a cover of one. */
export interface ProbeEntities {
  readonly ids: Readonly<Record<EntityType, string>>;
  /** The 40-hex id of a picture (a cover doctor read from the track's embed page). */
  readonly imageId: string;
}

/**
 * Everything about one partner API operation, in one row: how to call it, what its answer is, where the
 * web player keeps it and how `doctor` probes it. `I` is what a call gives (an entity's uri, a page's
 * offset, the embed's previews…), `R` what the row's reader makes of the answer.
 */
export interface OperationSpec<I, R> {
  name: string;
  /** The hash the web player sent last (tried first). */
  hash: string;
  /** Other hashes seen for it in the live web player (SPEC §9), tried after `hash`. */
  alternates?: readonly string[] | undefined;
  /** The key under `data` that holds the answer. */
  root: string;
  /** The route chunk of the web player that defines it when the main bundle does not (discovery reads it first). */
  route?: string | undefined;
  /** Items (or release groups) per page, for operations that page. */
  pageSize?: number | undefined;
  /** A safety bound on the items paging collects, far above what Spotify serves (a playlist holds at most 10,000). */
  maxItems?: number | undefined;
  /** The variables of a call with `input`. */
  variables: (input: I) => Variables;
  /** The answer's root (`data.<root>`) as the call's result. */
  read: (root: Raw, input: I) => R;
  /** The input `doctor` probes it with. */
  probe: (known: ProbeEntities) => I;
}

/** A row of the table: its spec, and the key the `operations` option and the healing records use. */
export type Operation<I = unknown, R = unknown> = OperationSpec<I, R> & { readonly kind: string };

/** Any row of any table, with its key. */
export type AnyOperation = AnyOperationSpec & { readonly kind: string };

/**
 * A row for the table, as written: the input and result types inferred from its functions, its other
 * fields kept as literals (a page size is a number, the alternates a tuple). A helper for types only.
 */
export function operation<
  I,
  R,
  const X extends Partial<Pick<AnyOperationSpec, 'alternates' | 'pageSize' | 'maxItems' | 'route'>>,
>(spec: OperationSpec<I, R> & X): OperationSpec<I, R> & X {
  return spec;
}

/** Any row, whatever its input and result (a row's input is both taken and given, so no narrower type holds them all). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperationSpec = OperationSpec<any, unknown>;

/** The table as written, each row given its key. */
export function withKinds<T extends Record<string, AnyOperationSpec>>(
  table: T,
): { readonly [K in keyof T & string]: T[K] & { readonly kind: K } } {
  return Object.freeze(
    Object.fromEntries(Object.entries(table).map(([kind, spec]) => [kind, Object.freeze({ ...spec, kind })])),
  ) as never;
}

/** The built-in candidates of an operation: its table hash, then its alternates. */
export function builtInHashes(row: Pick<AnyOperationSpec, 'hash' | 'alternates'>): readonly string[] {
  return [row.hash, ...(row.alternates ?? [])];
}

/** A probe's uri of a known entity. */
export function knownUri(known: ProbeEntities, type: EntityType): string {
  return entityUri(type, known.ids[type]);
}

export const PARTNER_API_URL = 'https://api-partner.spotify.com/pathfinder/v1/query';
export const PARTNER_API_V2_URL = 'https://api-partner.spotify.com/pathfinder/v2/query';

/** The GET URL of one persisted query (v1). */
export function operationUrl(name: string, hash: string, variables: Variables): string {
  const url = new URL(PARTNER_API_URL);
  url.searchParams.set('operationName', name);
  url.searchParams.set('variables', JSON.stringify(variables));
  url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
  return url.href;
}

/** The JSON body of one persisted query (v2, a POST). */
export function operationBody(name: string, hash: string, variables: Variables): string {
  return JSON.stringify({
    variables,
    operationName: name,
    extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
  });
}
