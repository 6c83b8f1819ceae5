// Bundles the custom server (server/main.ts and the lib/ code it uses) into dist/server.mjs, so
// `npm start` and the Docker image run it with plain node: no tsx, no TypeScript at run time.
// Packages stay external (they are the runtime dependencies in node_modules), except
// "server-only", whose guard is meant for Next's bundler and would throw in plain node.
import { build } from "esbuild";

const serverOnly = {
  name: "server-only",
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

await build({
  entryPoints: ["server/main.ts"],
  outfile: "dist/server.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  plugins: [serverOnly],
  sourcemap: true,
  logLevel: "warning",
});
