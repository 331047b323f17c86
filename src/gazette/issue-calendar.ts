// 刊期 (how often issues appear) and what it lets us guess about the next issue: its number and its 出版日期.

export const FREQUENCIES = ['月刊', '半月刊', '旬刊', '周刊', '不定期'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
