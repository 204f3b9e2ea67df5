/**
 * Every browser test fails on a Content-Security-Policy violation: a page
 * that needs something its policy forbids is broken for readers (a script
 * that did not run, a style that did not apply), or a note got something
 * past the sanitizer. `launchBrowser` makes every context report the
 * `securitypolicyviolation` events of its pages here; a test file that calls
 * `failOnCspViolations()` fails each test during which one was reported.
 */
import assert from 'node:assert/strict';
import { afterEach } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';

const violations: string[] = [];

/** The violations reported since the last call, emptied. */
export function takeCspViolations(): string[] {
  return violations.splice(0);
}

/** Registers, for the test file, a check after each test that no page broke its policy. */
export function failOnCspViolations(): void {
  afterEach(() => assert.deepEqual(takeCspViolations(), [], 'no Content-Security-Policy violation'));
}

async function watchContext(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
    violations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      report(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) on ${location.href}`,
      );
    });
  });
}

/** `browser` with every new context (and page) watched for violations. */
export function watchCsp(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await watchContext(context);
    return context;
  };
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    // As Playwright's own newPage: the page owns its context.
    page.on('close', () => void context.close().catch(() => undefined));
    return page;
  };
  return browser;
}
