/**
 * `spotify-scraper/crawl`: durable crawls on BullMQ (SPEC §12). Needs the optional peer dependency
 * bullmq (`npm install bullmq@6`); asking for a crawl without it is an InvalidInputError naming it.
 */
export { Crawl } from './crawl.js';
export type { CrawlOptions, CrawlProgress, CrawlStatus, FailedJob, WorkOptions } from './crawl.js';
export type { CrawlDetail } from './fetch-job.js';
