// Test helper: real Chromium (Debian's /usr/bin/chromium) driven by playwright-core; a missing browser fails, never skips.
export { CHROMIUM, launchChromium as launchBrowser } from '../../scripts/lib/chromium.ts';
