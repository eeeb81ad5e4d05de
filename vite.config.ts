import { defineConfig } from "vite";

/** The browser client: one page shell, pages loaded by route (see client/main.ts). */
export default defineConfig({
  root: "client",
  publicDir: "public",
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    // Phaser alone is over a megabyte minified; it loads once, from this machine, and is cached.
    chunkSizeWarningLimit: 2000,
  },
});
