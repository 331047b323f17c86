// Every rule id the validator can report, with what it checks (documented in README), and the one way to report it.
import type { VFile } from 'vfile';
import type { Point, Position } from 'unist';

export const RULES = {
  'file-encoding': '文件必须是 UTF-8 编码（BOM 与 CRLF 换行可以接受）',
  'file-empty': '文件不能为空',
  'file-size': '文件不能超过配置的大小上限 max_file_kb',
  'file-symlink': '符号链接（文件或文件夹）不能指向内容文件夹之外',
  'file-location': '文件须放在 <年份>/<期号>/ 下，写作 .md（放错位置的 .md 为错误，其余不认识的文件为警告）；内容文件夹与配置文件须存在',
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
  'file-name': '文件名必须由发文字号得出：机关代字的 slug-年份-序号.md（如 某政发〔2020〕3号 → mzf-2020-3.md）',
  'registration-code': '登记号必须写作 前缀-年份-五位序号，年份与成文日期一致',
  'unique-doc-number': '发文字号在全部文件中唯一',
  'unique-registration-code': '登记号在全部文件中唯一',
  date: '成文日期不晚于本期出版日期；有效期至不早于成文日期',
  section: '栏目必须已在配置中登记，并属于本期栏目',
  type: '文种必须已在配置中登记',
  'issue-missing': '每个期刊文件夹必须有 issue.md',
  'issue-folder': '期刊文件夹必须与年份、期号一致（年份/两位期号，如 2020/02）',
  'issue-number': '期号必须在刊期 frequency 允许的范围内：月刊 1–12，半月刊 1–24，旬刊 1–36，周刊 1–53，不定期不限',
  'issue-contents': '目录与本期文件一一对应',
  'page-order': '按目录顺序，页码不减',
  'issue-sequence': '总期号不重复且逐期加一（中间缺期为警告）',
  'body-empty': '正文不能为空（警告）',
  'unsafe-html': '正文中不安全的 HTML 会被移除（警告）',
  'external-image': '正文只能使用本站的图片（相对路径或站内路径）；外站图片改为其替代文字（警告）',
  'signature-split': '落款的发文机关与成文日期连续成行，中间没有空行（警告）',
  'citation-brackets': '正文引用的发文字号使用六角括号〔〕，序号不编虚位（警告）',
  'unchecked-guess': '导入时推断、标有“待核对”注释的值或表格，核对后删去注释（警告）',
  // npm run import: placed at raw.txt:<line>, telling the editor what the importer did there and why
  'import-input': '导入：原文必须是 UTF-8 文本，且能找到至少一篇文件（单独成行的发文字号）',
  'import-output': '导入：输出位置须为 <内容文件夹>/<年份>/<期号>，且不覆盖已有的非空文件夹（除非 --force）',
  'import-cover': '导入：封面信息（刊名、年份/期号、总期号、出版日期、主管/主办、编辑委员会、封面声明）',
  'import-contents': '导入：目录与正文一一对应（发文字号、标题、栏目、页码）',
  'import-heading': '导入：文件标题与发文字号行（标题起止、机关代字、登记号）',
  'import-running-head': '导入：页眉（栏目名，或在分页处重复出现的行）与页码行已删除',
  'import-page-break': '导入：在分页处断开的段落已接合；句中断开却未接合之处需核对',
  'import-list': '导入：抽取留下的列表符号（- ）已删除，名单等真正的列表保留',
  'import-numbering': '导入：编号不连续（双栏交错、错位的条目）已按编号复原或需核对',
  'import-signature': '导入：落款（发文机关、成文日期）',
  'import-attachment': '导入：附件说明、附件标注与附件标题',
  'import-table': '导入：表格转换为 GFM 表格，或在单元格错位时保留为 HTML 表格',
  'import-front-matter': '导入：推断或暂填的元数据（成文日期、发文机关、栏目、文种、页码、有效期至）',
  'import-text': '导入：标点、空格与 HTML 的清理',
} as const;

export type RuleId = keyof typeof RULES;
export type Severity = 'error' | 'warning';

/** Report a content problem on `file`: an error (fatal, exit 1) or a warning, placed, with its rule id. */
export function report(file: VFile, reason: string, place: Point | Position | undefined, ruleId: RuleId, severity: Severity = 'error'): void {
  const message = file.message(reason, { place, ruleId, source: 'gazette' });
  message.fatal = severity === 'error';
}
