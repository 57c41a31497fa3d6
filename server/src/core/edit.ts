/** A single text edit between two versions of a document, as incremental parsers need it. */
export interface TextEdit {
  /** First changed offset (UTF-16 code units). */
  start: number;
  /** End of the replaced text in the old version. */
  oldEnd: number;
  /** End of the inserted text in the new version. */
  newEnd: number;
}

/**
 * The one edit that turns `before` into `after`, framed by their longest common prefix and
 * suffix. Editors send ranges, but a document may change by several edits between two analyses;
 * the frame covers them all and costs one linear pass.
 */
export function editBetween(before: string, after: string): TextEdit {
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let q = 0;
  while (q < max - p && before.charCodeAt(before.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) q++;
  return { start: p, oldEnd: before.length - q, newEnd: after.length - q };
}
