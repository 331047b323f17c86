// Bundles the browser scripts (search page, reading pages) from TypeScript with esbuild, into the site's assets/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const SRC = path.dirname(fileURLToPath(import.meta.url));

/** entry (TypeScript) → output file under the site folder */
export const CLIENT_SCRIPTS: Record<string, string> = {
  [path.join(SRC, '../search/client/search-page.ts')]: 'assets/search.js',
  [path.join(SRC, 'client/reading-page.ts')]: 'assets/reading.js',
  [path.join(SRC, '../sign/client/verify-page.ts')]: 'assets/verify.js',
};

/** Write every client script into `siteDir`. Output is minified and deterministic (no source maps, no timestamps). */
export async function bundleClientScripts(siteDir: string): Promise<void> {
  await Promise.all(
    Object.entries(CLIENT_SCRIPTS).map(([entry, output]) =>
      build({
        entryPoints: [entry],
        outfile: path.join(siteDir, output),
        bundle: true,
        format: 'esm',
        target: 'es2020',
        minify: true,
        legalComments: 'none',
        logLevel: 'silent',
      }),
    ),
  );
}
