import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { emulatorBaseUrlEnv, emulatorPort } from "./e2e/fixtures/emulator-env";

/** PLAYWRIGHT_CHROMIUM_PATH, else Debian's chromium, else Playwright's own managed browser. */
function chromiumPath(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return undefined;
}

const port = Number(process.env.E2E_PORT ?? 3211);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    actionTimeout: 5_000,
    navigationTimeout: 15_000,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath(),
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        },
      },
    },
  ],
  webServer: {
    // A production server (`npm start`'s) of the build that `npm test` made just before.
    command: `node dist/server.mjs -H 127.0.0.1 -p ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PLAYGROUND_ALLOW_PRIVATE_UPSTREAMS: "1",
      LOCAL_MODEL_DELAY_MS: process.env.LOCAL_MODEL_DELAY_MS ?? "5",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
      // The seed providers go to the contract emulator that e2e/seed-providers.spec.ts starts.
      ...emulatorBaseUrlEnv(emulatorPort(port)),
    },
  },
});
