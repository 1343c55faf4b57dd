/**
 * Puts `text` into a draft where the agent's cursor is (replacing a selection), or after what is
 * there on a new line. Returns the new draft and where the cursor goes: just after the insert.
 */
export function insertText(draft: string, text: string, selection?: { start: number; end: number } | null): { value: string; cursor: number } {
  if (selection && selection.start >= 0 && selection.end >= selection.start && selection.end <= draft.length && draft.length > 0) {
    const value = draft.slice(0, selection.start) + text + draft.slice(selection.end);
    return { value, cursor: selection.start + text.length };
  }
  if (!draft.trim()) return { value: text, cursor: text.length };
  const joiner = draft.endsWith('\n') ? '' : '\n';
  const value = draft + joiner + text;
  return { value, cursor: value.length };
}
