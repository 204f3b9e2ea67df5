/**
 * The corpus script's contact with the machine: running a program with some
 * input, several at a time (one per core, so conversions use both cores of a
 * small runner), and making sure the Debian packages it converts are
 * installed. Packages come from apt only: the corpus is made of documents
 * Debian ships, and nothing else is downloaded.
 */
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface Ran {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs a program to the end, feeding it `input` on stdin; never throws for a non-zero exit. */
export function run(
  command: string,
  args: string[],
  options: { input?: string | Buffer; cwd?: string } = {},
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }),
    );
    // A program that fails early closes stdin; its exit code tells the story, not EPIPE.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

/** Maps `items` through `work`, at most one job per core at a time; results keep the items' order. */
export async function inParallel<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), items.length) }, worker));
  return results;
}

/** The installed version of a Debian package, or undefined when it is not installed. */
export function installedVersion(name: string): string | undefined {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own placeholders, not JavaScript's.
  const result = spawnSync('dpkg-query', ['-W', '-f', '${Status}\t${Version}', name], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  const [status, version] = result.stdout.split('\t');
  return status?.endsWith(' installed') ? version : undefined;
}

/** Whether apt knows a package it could install (so optional sources are skipped quietly where they do not exist). */
function installable(name: string): boolean {
  const result = spawnSync('apt-cache', ['policy', name], { encoding: 'utf8' });
  return result.status === 0 && /Candidate: (?!\(none\))/.test(result.stdout);
}

/**
 * Installs what is missing with `apt-get install -y` when running as root.
 * Missing required packages without root stop the script with the command to
 * run; missing optional ones are left out (their notes are then absent).
 * Returns the packages present afterwards, with versions.
 */
export function ensurePackages(required: string[], optional: string[]): Map<string, string> {
  const missing = [...required, ...optional].filter((name) => !installedVersion(name));
  if (missing.length > 0) {
    const isRoot = process.getuid?.() === 0;
    if (!isRoot) {
      const missingRequired = missing.filter((name) => required.includes(name));
      if (missingRequired.length > 0) {
        throw new Error(
          `the real-notes corpus needs these Debian packages, which are not installed: ${missingRequired.join(' ')}\n` +
            `  run as root, or install them first: sudo apt-get install -y ${missing.join(' ')}`,
        );
      }
      process.stderr.write(`corpus: not root, leaving out sources whose packages are missing: ${missing.join(' ')}\n`);
    } else {
      let wanted = missing.filter((name) => required.includes(name) || installable(name));
      if (wanted.some((name) => !installable(name))) {
        // A fresh machine may have no package lists yet.
        spawnSync('apt-get', ['update'], { stdio: 'inherit' });
        wanted = missing.filter((name) => required.includes(name) || installable(name));
      }
      process.stderr.write(`corpus: apt-get install -y ${wanted.join(' ')}\n`);
      const result = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...wanted], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
      const stillMissing = required.filter((name) => !installedVersion(name));
      if (result.status !== 0 || stillMissing.length > 0) {
        throw new Error(`apt-get could not install ${stillMissing.join(' ') || wanted.join(' ')}`);
      }
    }
  }
  const present = new Map<string, string>();
  for (const name of [...required, ...optional]) {
    const version = installedVersion(name);
    if (version) present.set(name, version);
  }
  return present;
}

/** The files a package installed, as dpkg lists them. */
export function packageFiles(name: string): string[] {
  const result = spawnSync('dpkg', ['-L', name], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return result.status === 0 ? result.stdout.split('\n').filter(Boolean) : [];
}
