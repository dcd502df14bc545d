import type * as BullMQ from 'bullmq';
import { createRequire } from 'node:module';
import type * as IORedis from 'ioredis';
import { InvalidInputError } from './library.js';

/** What a crawl needs installed beside the library. */
const INSTALL = 'npm install bullmq@6';

/** BullMQ, loaded by the first crawl (an optional peer dependency). */
export async function loadBullmq(): Promise<typeof BullMQ> {
  try {
    return await import('bullmq');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND' && !String(error).includes('bullmq'))
      throw error;
    throw new InvalidInputError(`spotify-scraper/crawl needs the package bullmq, which is not installed: ${INSTALL}`);
  }
}

/** ioredis, which BullMQ depends on (CommonJS: loaded with require). */
export function loadIoredis(): typeof IORedis.Redis {
  try {
    return (createRequire(import.meta.url)('ioredis') as typeof IORedis).Redis;
  } catch {
    throw new InvalidInputError(`spotify-scraper/crawl needs the package bullmq, which is not installed: ${INSTALL}`);
  }
}
