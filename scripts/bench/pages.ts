/** What each page costs a reader (gzipped bytes by type, requests) and its Lighthouse scores. */
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { type LighthouseScores, runLighthouse } from '../../tests/helpers/lighthouse.ts';
import { serveSite } from '../../tests/helpers/serve.ts';
import { measurePage, type PageWeight } from '../../tests/helpers/weight.ts';

export interface PagesBench {
  weights: PageWeight[];
  lighthouse: { page: string; scores: Omit<LighthouseScores, 'failing'> }[];
}

export async function benchPages(dir: string, pages: string[], lighthousePages: string[]): Promise<PagesBench> {
  const site = await serveSite(dir, '/');
  const browser = await launchBrowser();
  try {
    const weights: PageWeight[] = [];
    for (const path of pages) weights.push(await measurePage(browser, site.url + path));
    const lighthouse = [];
    for (const path of lighthousePages) {
      const { failing: _failing, ...scores } = await runLighthouse(site.url + path);
      lighthouse.push({ page: decodeURIComponent(`/${path}`), scores });
    }
    return { weights, lighthouse };
  } finally {
    await browser.close();
    await site.close();
  }
}
