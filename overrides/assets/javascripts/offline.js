/* Works with no signal: registers the borough's service worker (written after the build at
   the borough's root, beside the web app manifest; see src/handbook/postbuild/offline.py).
   Its scope is the borough's folder: the folder of the manifest the page links. A page with
   no manifest link (the live preview) registers nothing. */
(function () {
  "use strict";
  const manifest = document.querySelector('link[rel="manifest"][data-worker]');
  if (!manifest || !("serviceWorker" in navigator)) return;
  const root = new URL("./", manifest.href);
  navigator.serviceWorker
    .register(new URL(manifest.dataset.worker, root).href, { scope: root.pathname })
    .catch((error) => console.warn("This guide cannot be kept for use with no signal:", error));
})();
