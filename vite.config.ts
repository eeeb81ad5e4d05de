import { constants } from "node:zlib";
import { defineConfig } from "vite";
import { compression, defineAlgorithm } from "vite-plugin-compression2";

/**
 * The browser client: one page shell, pages loaded by route (see client/main.ts). Every text file
 * is also written brotli- and gzip-compressed at build time, so the server sends the smaller one
 * a phone accepts without compressing anything per request (server/http/static-files.ts).
 */
export default defineConfig({
  root: "client",
  publicDir: "public",
  plugins: [
    compression({
      include: /\.(html|css|js|mjs|json|svg)$/,
      threshold: 512,
      algorithms: [defineAlgorithm("brotliCompress", { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }), defineAlgorithm("gzip", { level: 9 })],
      logLevel: "silent",
    }),
  ],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    // Phaser alone is over a megabyte minified; only the projector and the replay draw with it.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // Phaser in a chunk of its own: shared with other modules, a page that never draws
        // (the join page, a phone) would download it with whatever it was grouped with.
        codeSplitting: { groups: [{ name: "phaser", test: /node_modules[\\/]phaser[\\/]/ }] },
      },
    },
  },
});
