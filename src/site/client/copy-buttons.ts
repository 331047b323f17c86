// 引用本文's copy buttons: shown only where the clipboard can be written; each copies the text of the element it names.

/**
 * Buttons `[data-copy="<id>"]` ship hidden, so without the script (or a clipboard) the citation and the URL stay plain,
 * selectable text. Here they are shown, and a click copies the named element's text and says so in the live region
 * `.cite__copied`.
 */
export function enableCopyButtons(root: ParentNode = document): void {
  if (!navigator.clipboard?.writeText) return;
  for (const button of Array.from(root.querySelectorAll<HTMLButtonElement>('button[data-copy]'))) {
    const source = document.getElementById(button.dataset.copy ?? '');
    if (!source) continue;
    const status = button.closest('section')?.querySelector<HTMLElement>('.cite__copied') ?? null;
    button.hidden = false;
    button.addEventListener('click', () => {
      const text = (source.textContent ?? '').trim();
      navigator.clipboard.writeText(text).then(
        () => say(status, `已复制：${text}`),
        () => {
          select(source);
          say(status, '无法写入剪贴板，已选中文字，请手动复制');
        },
      );
    });
  }
}

function say(status: HTMLElement | null, message: string): void {
  if (status) status.textContent = message;
}

function select(element: HTMLElement): void {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}
