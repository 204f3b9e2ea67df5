/**
 * Where the site is published, from the environment, so a fork deploys to
 * its own GitHub Pages address with no edit: `SITE` and `BASE_PATH` win;
 * in GitHub Actions `GITHUB_REPOSITORY` gives `https://<owner>.github.io/<repo>/`
 * (or the root for a `<owner>.github.io` repository); otherwise `/`.
 */
import { normalizeBase } from './urls.ts';

export interface DeployTarget {
  site: string | undefined;
  base: string;
}

export function deployTarget(env: Record<string, string | undefined>): DeployTarget {
  const [owner, repo] = (env.GITHUB_ACTIONS === 'true' ? (env.GITHUB_REPOSITORY ?? '') : '').split('/');
  const pagesHost = owner ? `${owner.toLowerCase()}.github.io` : undefined;
  const userSite = repo !== undefined && pagesHost !== undefined && repo.toLowerCase() === pagesHost;
  const site = env.SITE || (pagesHost ? `https://${pagesHost}` : undefined);
  const base =
    env.BASE_PATH !== undefined && env.BASE_PATH !== '' ? env.BASE_PATH : repo && !userSite ? `/${repo}/` : '/';
  return { site: site?.replace(/\/+$/, ''), base: normalizeBase(base) };
}
