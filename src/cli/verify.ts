// `npm run verify`: check a built folder, a published site or one downloaded file against the signed manifest.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseCli, runMain, usageError } from './cli-args.ts';
import { publicKeyFrom } from '../sign/signing-key.ts';
import { checkSignature, compareFiles, entryOfBytes, siteFolderOf, siteSource, VerifyError, type SiteSource } from '../sign/verify-site.ts';
import { sha256Hex } from '../runtime/hash.ts';

const HELP = `
用法：npm run verify -- <站点文件夹 | 已发布站点的网址 | 一个文件> [选项]

先用公钥核对清单 api/manifest.json 的 Ed25519 签名，再逐一核对清单所列文件（文件网页、文件 JSON、开放数据、
原文压缩包、各期 PDF）的 SHA-256。全部一致时以 0 退出；签名无效，或有文件被改动、缺失、未列入清单时，逐一列出并以 1 退出。

  npm run verify -- dist                          核对构建好的站点文件夹
  npm run verify -- https://zhengbao.example.gov.cn/  核对已发布的站点（逐个下载清单所列文件）
  npm run verify -- 下载的文件.pdf --site https://zhengbao.example.gov.cn/
                                                  核对一个下载的文件：它是否是本刊发布的某个文件

选项：
  --key PEM         用这个公钥核对签名（应与本刊在印刷版或其他渠道公布的指纹一致）；
                    默认用站点自己的 api/signing-key.pem，此时请核对输出的指纹
  --site DIR|URL    核对单个文件时，清单所在的站点（默认：文件所在的站点文件夹）
  -h, --help        显示本帮助
`;

runMain(async () => {
  const { values, positionals } = parseCli({ key: { type: 'string' }, site: { type: 'string' } }, HELP);
  if (positionals.length !== 1) return usageError('请给出一个站点文件夹、站点网址或文件', HELP);
  const target = positionals[0]!;
  const key = values.key === undefined ? undefined : { key: publicKeyFrom(await readFile(values.key, 'utf8').catch(() => usageError(`读不到公钥文件 ${values.key}`, HELP)), values.key), source: values.key };
  try {
    const isUrl = /^https?:\/\//i.test(target);
    const info = isUrl ? undefined : await stat(target).catch(() => usageError(`找不到 ${target}`, HELP));
    if (isUrl || info!.isDirectory()) return await verifySite(siteSource(target), key);
    return await verifyFile(target, values.site, key);
  } catch (error) {
    if (!(error instanceof VerifyError)) throw error;
    process.stdout.write(`✗ ${error.message}\n`);
    return 1;
  }
}, '验证失败');

async function verifySite(source: SiteSource, key: Parameters<typeof checkSignature>[1]): Promise<number> {
  const { manifest, fingerprint, keySource } = await checkSignature(source, key);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(`✔ 签名有效：密钥指纹 ${fingerprint}（${keySource}）`);
  say(`  ${manifest.gazette}，构建于 ${manifest.built}${manifest.commit ? `，提交 ${manifest.commit.slice(0, 12)}` : ''}，清单列出 ${manifest.files.length} 个文件`);
  const report = await compareFiles(source, manifest);
  for (const file of report.changed) say(`✗ 已改动：${file}`);
  for (const file of report.missing) say(`✗ 缺失：${file}`);
  for (const file of report.unlisted) say(`✗ 未列入清单：${file}`);
  const bad = report.changed.length + report.missing.length + report.unlisted.length;
  if (bad === 0) {
    say(`✔ 验证通过：${report.checked} 个文件与清单一致${source.list ? '，没有未列入清单的文件' : ''}`);
    return 0;
  }
  say(`验证失败：${report.changed.length} 个文件已改动，${report.missing.length} 个缺失，${report.unlisted.length} 个未列入清单`);
  return 1;
}

async function verifyFile(file: string, site: string | undefined, key: Parameters<typeof checkSignature>[1]): Promise<number> {
  const root = site ?? (await siteFolderOf(file));
  if (!root) throw new VerifyError(`${file} 不在构建好的站点文件夹中：请用 --site 给出站点文件夹或网址`);
  const source = siteSource(root);
  const { manifest, fingerprint } = await checkSignature(source, key);
  const bytes = await readFile(file);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(`✔ 签名有效：密钥指纹 ${fingerprint}`);
  const entry = entryOfBytes(manifest, bytes);
  if (entry) {
    say(`✔ 验证通过：${entry.title}${entry.issue ? `（${entry.issue}）` : ''}，${entry.path}`);
    return 0;
  }
  // Inside the site folder, a file of a listed path that no longer matches was changed.
  const sitePath = site === undefined ? path.relative(root, path.resolve(file)).split(path.sep).join('/') : undefined;
  const listed = sitePath ? manifest.files.find((candidate) => candidate.path === sitePath) : undefined;
  say(listed ? `✗ 验证失败：${sitePath} 已被改动（与清单中的 SHA-256 不符）` : `✗ 验证失败：清单中没有这个文件（SHA-256 ${sha256Hex(bytes)}）`);
  return 1;
}
