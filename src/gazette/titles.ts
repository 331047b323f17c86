// Titles made comparable across 目录, heading and running text, with their 试行/暂行 parenthetical optional.

/** A title as written in different places (目录, heading, running text) made comparable: NFKC, no spaces, 〈〉 as 《》. */
export function compactTitle(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[〈〉]/g, (bracket) => (bracket === '〈' ? '《' : '》'));
}

/** A title without its trailing （试行）/（暂行）-style note, in full- or half-width parentheses. */
export function withoutTitleNote(title: string): string {
  return title.replace(/[（(](?:试行|暂行|修订|修订稿|征求意见稿)[）)]$/u, '');
}

/** The 文种 a title ends with (longest of `types` first), ignoring a trailing （试行）-style note. */
export function typeOfTitle(title: string, types: readonly { name: string }[]): string | undefined {
  const bare = withoutTitleNote(title);
  return [...types].sort((a, b) => b.name.length - a.name.length).find((type) => bare.endsWith(type.name))?.name;
}

/** Canonical key of a title for citations: compact, and the （试行）-style note optional. */
export function titleKey(title: string): string {
  return withoutTitleNote(compactTitle(title));
}
