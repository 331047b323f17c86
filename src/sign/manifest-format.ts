// The manifest's format, shared by the build, `npm run verify` and the /verify/ page's script: where its files are, its entries, and which entry a file is.

export const MANIFEST_PATH = 'api/manifest.json';
export const SIGNATURE_PATH = 'api/manifest.json.sig';
export const PUBLIC_KEY_PATH = 'api/signing-key.pem';
export const KEYS_PATH = 'api/signing-keys.json';
export const MANIFEST_FORMAT = 'gazette-manifest/1';

export type ManifestKind = 'page' | 'json' | 'data' | 'zip' | 'pdf';

export interface ManifestEntry {
  /** site path without the path prefix, no leading slash: `2018/02/yzf-2018-3/index.html` */
  path: string;
  sha256: string;
  bytes: number;
  kind: ManifestKind;
  /** what it is, for a reader: the document's title, or the file's name */
  title: string;
  /** the issue it belongs to (`2018年第2期`), or null */
  issue: string | null;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  gazette: string;
  /** the published site's address, with its path prefix */
  site: string;
  /** the build date (YYYY-MM-DD, China time; the day of SOURCE_DATE_EPOCH when set) */
  built: string;
  /** the content commit, when known (GITHUB_SHA, or the working folder's git HEAD) */
  commit: string | null;
  /** fingerprint of the key that signs it (see signing-key.ts); null when the build had no key */
  signing_key: string | null;
  files: ManifestEntry[];
}

/** The entry of a file with this SHA-256 (hex) and size: a file keeps its hash wherever it is saved. */
export function entryWithHash(manifest: Manifest, sha256: string, bytes: number): ManifestEntry | undefined {
  return manifest.files.find((entry) => entry.sha256 === sha256 && entry.bytes === bytes);
}
