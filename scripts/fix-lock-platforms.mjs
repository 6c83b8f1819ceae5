// The registry this project installs from mirrors only the linux-x64 builds of packages that ship
// per-platform binaries, so `npm install` writes a lock without the other platforms' entries and
// `npm ci` then refuses it as out of sync. This restores those entries with their os/cpu/libc
// fields, so npm ci skips them on every platform but their own. Run after any lock change:
//   node scripts/fix-lock-platforms.mjs package-lock.json
import fs from "node:fs";
const file = process.argv[2];
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const pk = lock.packages;
const OS = ["darwin", "linux", "win32", "freebsd", "android", "openbsd", "sunos", "aix", "netbsd"];
const CPU = ["arm64", "x64", "ia32", "arm", "ppc64", "s390x", "riscv64", "wasm32", "loong64", "mips64el"];
const added = [];
for (const [path, entry] of Object.entries(pk)) {
  for (const [dep, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const candidates = [];
    let base = path;
    while (true) {
      candidates.push((base ? base + "/" : "") + "node_modules/" + dep);
      if (!base) break;
      const i = base.lastIndexOf("/node_modules/");
      base = i < 0 ? "" : base.slice(0, i);
    }
    if (candidates.some((c) => pk[c])) continue;
    const parts = dep.split(/[-/]/);
    const os = OS.filter((o) => parts.includes(o) || (o === "win32" && parts.includes("win32")));
    const cpu = CPU.filter((c) => parts.includes(c) || (c === "arm" && parts.includes("gnueabihf")));
    const e = { version: range.replace(/^[\^~=]/, ""), dev: entry.dev, optional: true };
    if (!entry.dev) delete e.dev;
    if (os.length) e.os = os;
    if (cpu.length) e.cpu = cpu.includes("arm64") ? ["arm64"] : cpu;
    if (parts.includes("musl")) e.libc = ["musl"];
    else if (parts.includes("gnu") || parts.includes("gnueabihf")) e.libc = ["glibc"];
    pk["node_modules/" + dep] = e;
    added.push(dep + " " + JSON.stringify(e));
  }
}
lock.packages = Object.fromEntries(Object.entries(pk).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)));
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(added.join("\n"));
