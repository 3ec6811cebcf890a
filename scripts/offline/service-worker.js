/* global self, caches, fetch, URL, Request */
// The book's service worker. The build puts BOOK_CACHE, BOOK_CACHE_PREFIX, GUEST_CACHE, BASE and
// PRECACHE_URLS above this line (lib/offline/precache.ts).
//
// - Install: every page of both editions, the lab code, the styles and the search index go into one
//   cache named for this build. The worker takes over at once.
// - Activate: the caches of earlier builds are deleted, so pages and the scripts they name always
//   come from one build.
// - Fetch: /_astro/ files carry a hash of their contents in their name, so a cached copy is always
//   right (cache first; the Chinese font's slices are kept as they are fetched). Everything else is
//   network first: online, the reader sees a new build at the next load; offline, the cached copy
//   (pages from this build's cache, the lab VM from the cache "Make the lab VM available offline"
//   filled).

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(BOOK_CACHE);
      await cache.addAll(PRECACHE_URLS.map((url) => new Request(url, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(BOOK_CACHE_PREFIX) && name !== BOOK_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || request.headers.has('range')) return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith(`${BASE}_astro/`)) event.respondWith(cacheFirst(request));
  else event.respondWith(networkFirst(request));
});

async function cacheFirst(request) {
  const cache = await caches.open(BOOK_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    // Keep the search index's pieces fresh as they are used; pages are already in this build's cache.
    if (response.ok && new URL(request.url).pathname.startsWith(`${BASE}pagefind/`)) {
      await (await caches.open(BOOK_CACHE)).put(request, response.clone());
    }
    return response;
  } catch (error) {
    // Offline: this build's pages first, then the lab VM's files. A link with ?seed=… opens the page.
    const book = await caches.open(BOOK_CACHE);
    const page = (await book.match(request)) ?? (await book.match(request, { ignoreSearch: true }));
    if (page) return page;
    const guest = await (await caches.open(GUEST_CACHE)).match(request, { ignoreSearch: true });
    if (guest) return guest;
    throw error;
  }
}
