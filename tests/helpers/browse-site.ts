/** One built site served under its base path, and Chromium, for the tests of one `describe` block. */
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { failOnCspViolations } from './csp.ts';
import { type StaticSite, serveSite } from './serve.ts';
import { builtSite, SITES, type SiteName } from './sites.ts';

// Every test of a file that browses a site fails on a Content-Security-Policy violation.
failOnCspViolations();

export interface BrowsedSite {
  browser: Browser;
  site: StaticSite;
}

/** Call inside `describe`: starts the server and the browser before its tests and stops them after. */
export function browseSite(name: SiteName): BrowsedSite {
  const session = {} as BrowsedSite;
  before(async () => {
    session.site = await serveSite(builtSite(name), SITES[name].base);
    session.browser = await launchBrowser();
  });
  after(async () => {
    await session.browser?.close();
    await session.site?.close();
  });
  return session;
}
