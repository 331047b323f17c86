// The /verify/ page's script: hash a file the reader picks (Web Crypto SHA-256), check the manifest's Ed25519 signature, and say what the file is.
import { entryWithHash, MANIFEST_PATH, PUBLIC_KEY_PATH, SIGNATURE_PATH, type Manifest } from '../manifest-format.ts';

const root = document.querySelector<HTMLElement>('[data-verify]');
if (root) setUp(root);

function setUp(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
  const output = root.querySelector<HTMLElement>('[data-verify-result]')!;
  const base = root.dataset.base ?? '/';
  input.disabled = false;
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    show(output, 'pending', `正在验证 ${file.name} …`);
    try {
      const [entryOrProblem, bytes] = await Promise.all([loadManifest(base), file.arrayBuffer()]);
      if (typeof entryOrProblem === 'string') return show(output, 'fail', `验证失败：${entryOrProblem}`);
      const hash = hex(await crypto.subtle.digest('SHA-256', bytes));
      const entry = entryWithHash(entryOrProblem, hash, bytes.byteLength);
      if (entry) show(output, 'pass', `验证通过：${entry.title}${entry.issue ? `（${entry.issue}）` : ''}`, `${file.name} 与本刊发布的 ${entry.path} 完全一致（SHA-256 ${hash}）。`);
      else show(output, 'fail', '验证失败：本刊发布的文件中没有与它完全一致的', `${file.name} 的 SHA-256 为 ${hash}。文件可能被改动过，或不是本站发布的文件。`);
    } catch (error) {
      show(output, 'fail', `验证失败：${(error as Error).message}`);
    }
  });
}

/** The manifest, once its signature is checked; or why it cannot be trusted. */
async function loadManifest(base: string): Promise<Manifest | string> {
  const fetchBytes = async (sitePath: string) => {
    const response = await fetch(`${base}${sitePath}`, { cache: 'no-cache' });
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
  };
  const [manifestBytes, signature, keyPem] = await Promise.all([fetchBytes(MANIFEST_PATH), fetchBytes(SIGNATURE_PATH), fetchBytes(PUBLIC_KEY_PATH)]);
  if (!manifestBytes) return `读不到本站的清单 ${MANIFEST_PATH}`;
  if (!signature || !keyPem) return '本站的清单未签名，无法证明文件出自本刊';
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('spki', pemBytes(new TextDecoder().decode(keyPem)), { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return '此浏览器不支持 Ed25519 签名验证（Web Crypto）：请换用新版浏览器，或用 npm run verify 核对';
  }
  const valid = await crypto.subtle.verify({ name: 'Ed25519' }, key, base64Bytes(new TextDecoder().decode(signature).trim()), manifestBytes);
  if (!valid) return '清单签名无效：清单可能被改动';
  return JSON.parse(new TextDecoder().decode(manifestBytes)) as Manifest;
}

function show(output: HTMLElement, state: 'pending' | 'pass' | 'fail', headline: string, detail = ''): void {
  output.dataset.state = state;
  output.replaceChildren();
  const strong = document.createElement('strong');
  strong.textContent = headline;
  output.append(strong);
  if (detail) {
    const p = document.createElement('p');
    p.textContent = detail;
    output.append(p);
  }
}

function pemBytes(pem: string): Uint8Array<ArrayBuffer> {
  return base64Bytes(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''));
}

function base64Bytes(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
