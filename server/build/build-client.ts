import { buildClientBundle } from "./client-bundle.ts";

// `npm run build`: the type check has run; bundle the client and stamp it, so `npm start` serves it as is.
try {
  await buildClientBundle();
} catch (err) {
  console.error(`Building the browser client failed: ${(err as Error).message}`);
  process.exit(1);
}
