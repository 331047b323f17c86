// The standard citation of a document in the gazette: 发文机关. 标题（发文字号）. 刊名, 年份(期号): 页码.

export interface CitedDocument {
  issuers: readonly string[];
  title: string;
  docNumber: string;
  /** the page it starts on in its printed issue */
  page: number;
}

/** `永州市人民政府. 关于……的实施意见（永政发〔2018〕3号）. 永州政报, 2018(2): 7.` — the issue's year and number within it. */
export function formatCitation(document: CitedDocument, gazette: string, issue: { year: number; number: number }): string {
  return `${document.issuers.join(', ')}. ${document.title}（${document.docNumber}）. ${gazette}, ${issue.year}(${issue.number}): ${document.page}.`;
}
