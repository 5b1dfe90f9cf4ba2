// Browser tests of the web console in Debian's Chromium (never a downloaded browser), against
// the demo's service and data (`npm run demo -- --serve`, started here and stopped after).
import { defineConfig } from '@playwright/test';

// Chosen once in the runner process; its workers inherit the variable and so the same port.
process.env.LINKAGE_CONSOLE_PORT ??= String(41000 + (process.pid % 9000));
const port = Number(process.env.LINKAGE_CONSOLE_PORT);
export const CONSOLE_URL = `http://127.0.0.1:${port}`;
/** The demo's data folder: its endpoints.json names the embedded engines (operations.spec.ts uses them). */
export const DEMO_DATA_DIR = `.data/browser-demo-${port}`;

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: '../../.data/playwright',
  use: {
    baseURL: CONSOLE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 900 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
  webServer: {
    command: 'npm run --silent demo -- --serve',
    cwd: '../..',
    url: `${CONSOLE_URL}/api/health`,
    env: { LINKAGE_CONSOLE_PORT: String(port), LINKAGE_LOG_LEVEL: 'ERROR', LINKAGE_DEMO_DATA_DIR: DEMO_DATA_DIR },
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
