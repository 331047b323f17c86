// Every rule id the validator can report, with what it checks (documented in README), and the one way to report it.
import type { VFile } from 'vfile';
import type { Point, Position } from 'unist';

export const RULES = {
  'file-encoding': '文件必须是 UTF-8 编码（BOM 与 CRLF 换行可以接受）',
  'file-empty': '文件不能为空',
  'file-size': '文件不能超过配置的大小上限 max_file_kb',
  'file-symlink': '符号链接不能指向内容文件夹之外',
  'front-matter-missing': '文件必须以 --- 开头的前置元数据开始',
  'front-matter-unclosed': '前置元数据必须以 --- 结束',
  'front-matter-yaml': '前置元数据必须是合法的 YAML（不允许锚点和别名）',
  'config-yaml': '站点配置必须是合法的 YAML',
  'config-schema': '站点配置的键和值必须符合规定',
  'issue-schema': '期刊文件的键和值必须符合规定',
  'document-schema': '文件元数据的键和值必须符合规定（必填字段、类型、真实日期、无未知键）',
  'doc-number': '发文字号必须写作 机关代字〔年份〕序号号，序号不编虚位',
  'doc-number-issuer': '机关代字必须已在配置中登记，并与发文机关一致',
  'doc-number-year': '发文字号的年份必须与成文日期的年份一致',
  issuer: '发文机关必须已在配置中登记',
  'file-name': '文件名必须由发文字号得出（永政发〔2018〕3号 → yzf-2018-3.md）',
  'registration-code': '登记号必须写作 前缀-年份-五位序号，年份与成文日期一致',
  'unique-doc-number': '发文字号在全部文件中唯一',
  'unique-registration-code': '登记号在全部文件中唯一',
  date: '成文日期不晚于本期出版日期；有效期至不早于成文日期',
  section: '栏目必须已在配置中登记，并属于本期栏目',
  type: '文种必须已在配置中登记',
  'issue-missing': '每个期刊文件夹必须有 issue.md',
  'issue-folder': '期刊文件夹必须与年份、期号一致（2018/02）',
  'issue-contents': '目录与本期文件一一对应',
  'page-order': '按目录顺序，页码不减',
  'issue-sequence': '总期号不重复且逐期加一（中间缺期为警告）',
  'body-empty': '正文不能为空（警告）',
  'unsafe-html': '正文中不安全的 HTML 会被移除（警告）',
} as const;

export type RuleId = keyof typeof RULES;
export type Severity = 'error' | 'warning';

/** Report a content problem on `file`: an error (fatal, exit 1) or a warning, placed, with its rule id. */
export function report(file: VFile, reason: string, place: Point | Position | undefined, ruleId: RuleId, severity: Severity = 'error'): void {
  const message = file.message(reason, { place, ruleId, source: 'gazette' });
  message.fatal = severity === 'error';
}
