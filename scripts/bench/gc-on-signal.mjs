// Preloaded into the app's server by the proxy benchmark (`node --expose-gc --import <this>`):
// SIGUSR2 forces a full garbage collection, so RSS can be read after one at both ends of a run.
process.on("SIGUSR2", () => globalThis.gc?.());
