// The consoles' service worker: lets a console page load again without the network (a reload while the
// office network is down), so that it can show its queued actions and the last known state until the
// network returns. The page itself is fetched network-first, so an upgraded server is picked up at once;
// the hashed assets never change, so they come from the cache. Nothing of the API or the hub is cached:
// the console keeps its own state in IndexedDB. Browsers run service workers only in a secure context
// (HTTPS or localhost).
const CACHE = "ciex-shell";
const SHELL = "/index.html";

self.addEventListener("install", event => event.waitUntil(fetch(SHELL, { cache: "no-cache" }).then(keepShell).then(() => self.skipWaiting())));
self.addEventListener("activate", event => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin) return;
  if (request.mode === "navigate" && !url.pathname.startsWith("/api/") && !url.pathname.startsWith("/hubs/"))
    event.respondWith(page(event, request));
  else if (url.pathname.startsWith("/assets/"))
    event.respondWith(asset(request));
});

/** Every console path is the same page: the newest from the server, or the one kept when it cannot be reached. */
async function page(event, request) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get("content-type") ?? "").includes("text/html")) event.waitUntil(keepShell(response.clone()));
    return response;
  } catch (error) {
    const kept = await caches.match(SHELL);
    if (kept) return kept;
    throw error;
  }
}

async function asset(request) {
  const kept = await caches.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

/** Keeps this page and the assets it names, and forgets the assets of older builds. */
async function keepShell(response) {
  if (!response.ok) return;
  const html = await response.clone().text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map(m => m[1]);
  const cache = await caches.open(CACHE);
  const missing = [];
  for (const path of assets) if (!(await cache.match(path))) missing.push(path);
  await cache.addAll(missing);
  await cache.put(SHELL, response);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path !== SHELL && !assets.includes(path)) await cache.delete(request);
  }
}
