import { InvalidInputError } from './library.js';
import type { EntityType } from '../models/entities.js';
import { quote } from '../redact.js';

/** A crawl's name names Redis keys and a BullMQ queue: letters, digits, `_`, `-`, `.`; 1–64 of them. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** The prefix of every key a crawl writes (BullMQ's and the results'). */
export const PREFIX = 'spotify-scraper';

export function checkName(name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name))
    throw new InvalidInputError(
      `A crawl name is 1-64 letters, digits, "_", "-" or "." (it names Redis keys), got ${quote(name, 40)}`,
    );
  return name;
}

/** Where a crawl keeps its state in Redis. */
export interface CrawlKeys {
  /** The BullMQ queue's name (under PREFIX). */
  queue: string;
  /** uri -> the entity's JSON, written once. */
  results: string;
  /** type -> how many results of that type were written. */
  done: string;
}

export function keysOf(name: string): CrawlKeys {
  return {
    queue: `crawl-${name}`,
    results: `${PREFIX}:crawl:${name}:results`,
    done: `${PREFIX}:crawl:${name}:done`,
  };
}

/** One job per entity: its id from the type and the id (BullMQ refuses `:` in custom ids). */
export function jobIdOf(type: EntityType, id: string): string {
  return `${type}-${id}`;
}
