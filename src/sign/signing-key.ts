// Ed25519 keys for the signed manifest, with Node's crypto only: load a private key (file or PEM text), derive the public key, fingerprint, sign and verify.
import { sha256Hex } from '../runtime/hash.ts';
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** The private key in `pem` (PKCS#8, as `openssl genpkey -algorithm ed25519` writes it); `source` names it in errors. */
export function privateKeyFrom(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new Error(`${source} 不是 PEM 格式的私钥：请用 openssl genpkey -algorithm ed25519 -out signing-key.pem 生成`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${source} 是 ${key.asymmetricKeyType} 密钥，应为 Ed25519（openssl genpkey -algorithm ed25519）`);
  return key;
}

/** The public key in `pem` (SPKI, as published at api/signing-key.pem). */
export function publicKeyFrom(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new Error(`${source} 不是 PEM 格式的公钥（应如 -----BEGIN PUBLIC KEY-----）`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${source} 是 ${key.asymmetricKeyType} 密钥，应为 Ed25519`);
  return key;
}

/** The public key (of a private key, or itself), as PEM text. */
export function publicKeyPem(key: KeyObject): string {
  return (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'pem' }).toString();
}

/** SHA-256 of the key's DER (SPKI) bytes, as 16 groups of 4 hex digits: what a reader compares with a fingerprint printed elsewhere. */
export function fingerprint(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const hex = sha256Hex(publicKey.export({ type: 'spki', format: 'der' }));
  return hex.match(/.{4}/g)!.join(' ');
}

/** Ed25519 signature of `data`, base64. */
export function signBytes(data: Uint8Array, privateKey: KeyObject): string {
  return sign(null, data, privateKey).toString('base64');
}

/** Whether `signature` (base64) is `publicKey`'s Ed25519 signature of `data`. */
export function verifyBytes(data: Uint8Array, signature: string, publicKey: KeyObject): boolean {
  const bytes = Buffer.from(signature.trim(), 'base64');
  if (bytes.length !== 64) return false;
  return verify(null, data, publicKey, bytes);
}
