import { defineConfig } from "vite";

// The consoles are served by the server itself from wwwroot: one page, every route falls back to it.
export default defineConfig({
  build: {
    outDir: "../wwwroot",
    emptyOutDir: true,
    target: "es2022",
    // Readable stack traces when an exercise goes wrong on a closed network with no one to ask.
    sourcemap: true,
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:5080", "/hubs": { target: "http://127.0.0.1:5080", ws: true } },
  },
});
