/**
 * Reading the book offline: which built files the service worker precaches, the build's version,
 * and the worker's source (no DOM; the worker's own code is scripts/offline/service-worker.js).
 */
export {
  BOOK_CACHE_PREFIX, GUEST_CACHE_NAME, OFFLINE_GUEST_FILES, buildVersion, isPrecached, precacheUrls, serviceWorkerSource,
  urlOfBuiltFile,
} from './precache.ts';
export type { BuiltFile } from './precache.ts';
