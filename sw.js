// PyPrep's service worker: a PyPrep visited once works with the network off.
// Registered by the small script at the end of index.html (never when embedded), with the folder
// it is deployed in as its scope. scripts/post-build.mjs writes the BUILD line below: this
// build's files (paths relative to this folder, pyodide/ excepted), the hashed ones index.html
// names (`pins`), a version hashed from all their contents, and the Pyodide version.
//
// - install: precaches the build's files in a cache named by the build version (one fetch each,
//   all or nothing; index.html must name this build's files, or the install fails and retries).
// - fetch (GET, same origin, inside the scope; anything else goes to the network untouched):
//   - hashed files (trunk's and the app module's: `-<8 to 16 hex>` in the name, as trunk drops
//     a hash's leading zeros) cache-first;
//   - index.html (the folder's navigations), questions.json, answers.json, challenges.json
//     network-first with the cache as fallback: online visitors get what a site owner edited
//     in place, and the cached copy follows it (index.html only while it still names this build's files, so a new
//     deploy's index.html never lands in this build's cache next to old hashed files);
//   - the build's other files (python-worker.js, the manifest, icons) network-first with this
//     build's copy as fallback;
//   - pyodide/* cache-first in a cache named by the Pyodide version, filled as the worker first
//     fetches it (13 MB: never precached); a HEAD request (the app's "is Pyodide deployed?")
//     is answered from that cache when the file is there;
//   - only ok responses are stored.
// - activate: deletes this folder's caches of other builds and Pyodide versions, then takes
//   control of open pages.
// - a new build's worker waits until a page posts {type: 'skip-waiting'} (the learner pressed
//   Reload on index.html's notice, or the page already runs this build): it never replaces a
//   running version by itself. {type: 'pins'} is answered on its port with BUILD.pins.
const BUILD = {"version":"unbuilt","files":[],"pins":[],"pyodide":null}; // written by scripts/post-build.mjs

const SCOPE = new URL(self.registration.scope);
// Caches are per origin, shared by every folder on it: names carry the scope.
const PREFIX = `pyprep:${SCOPE.pathname}:`;
const APP_CACHE = `${PREFIX}build-${BUILD.version}`;
const PYODIDE_CACHE = `${PREFIX}pyodide-${BUILD.pyodide}`;
const INDEX = SCOPE.href; // index.html is stored under the folder's own URL
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/;
const BANK = new Set(['questions.json', 'answers.json', 'challenges.json']);

const sameBuild = (html) => BUILD.pins.every((name) => html.includes(name));

// A copy with only its type: a host's redirect or encoding headers never go with it.
async function indexCopy(res) {
  const html = await res.text();
  return sameBuild(html) ? new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }) : null;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(APP_CACHE);
      // Each file is stored as it arrives (an unread body holds its connection); one failure
      // fails the install and drops what was stored.
      await Promise.all(
        BUILD.files.map(async (name) => {
          if (name === 'index.html') {
            // A host may serve the folder but not index.html by name, or the reverse.
            let res = await fetch(INDEX, { cache: 'no-cache' }).catch(() => null);
            if (!res?.ok) res = await fetch(new URL(name, SCOPE), { cache: 'no-cache' });
            const copy = res.ok && (await indexCopy(res));
            if (!copy) throw new Error("index.html is not this build's");
            return cache.put(INDEX, copy);
          }
          const url = new URL(name, SCOPE).href;
          const res = await fetch(url, { cache: HASHED.test(name) ? 'default' : 'no-cache' });
          if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
          return cache.put(url, res);
        }),
      ).catch(async (e) => {
        await caches.delete(APP_CACHE);
        throw e;
      });
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== APP_CACHE && name !== PYODIDE_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
  // A page asks which build this worker serves (index.html: a page already on it needs no notice).
  if (event.data?.type === 'pins') event.ports[0]?.postMessage({ pins: BUILD.pins });
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  const name = url.pathname.slice(SCOPE.pathname.length);
  // The app asks whether this deploy has Pyodide with a HEAD request: a stored file says yes.
  if (req.method === 'HEAD' && name.startsWith('pyodide/') && BUILD.pyodide) {
    event.respondWith(
      caches
        .open(PYODIDE_CACHE)
        .then((cache) => cache.match(url.origin + url.pathname))
        .then((hit) => (hit ? new Response(null, { status: hit.status, headers: hit.headers }) : fetch(req))),
    );
    return;
  }
  if (req.method !== 'GET' || req.headers.has('range')) return;
  if (req.mode === 'navigate') {
    if (name === '' || name === 'index.html') event.respondWith(networkFirst(event, INDEX, 'index'));
  } else if (name.startsWith('pyodide/')) {
    if (BUILD.pyodide) event.respondWith(cacheFirst(event, PYODIDE_CACHE, true));
  } else if (HASHED.test(name)) {
    event.respondWith(cacheFirst(event, APP_CACHE, false));
  } else if (BANK.has(name)) {
    event.respondWith(networkFirst(event, url.origin + url.pathname, 'store'));
  } else if (BUILD.files.includes(name)) {
    event.respondWith(networkFirst(event, url.origin + url.pathname, null));
  }
});

// Storing outlives the response: `event.waitUntil` keeps the worker alive until it is done.
async function cacheFirst(event, cacheName, store) {
  const req = event.request;
  const cache = await caches.open(cacheName);
  const hit = await cache.match(req, { ignoreSearch: true });
  if (hit) return hit;
  const res = await fetch(req);
  if (store && res.ok && res.type === 'basic') {
    const url = new URL(req.url);
    event.waitUntil(cache.put(url.origin + url.pathname, res.clone()).catch(() => {}));
  }
  return res;
}

// `store`: 'index' (kept while it names this build's files), 'store' (kept), null (not kept).
async function networkFirst(event, key, store) {
  const req = event.request;
  const cache = await caches.open(APP_CACHE);
  let res;
  try {
    res = await fetch(req);
  } catch (e) {
    const hit = await cache.match(key);
    if (hit) return hit;
    throw e;
  }
  if (res.ok && res.type === 'basic' && store) {
    const copy = store === 'index' ? indexCopy(res.clone()) : Promise.resolve(res.clone());
    event.waitUntil(copy.then((c) => c && cache.put(key, c)).catch(() => {}));
  }
  return res;
}
