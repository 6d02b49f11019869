/**
 * c2sp.org/signed-note: notes are valid UTF-8 with no ASCII control character but newline. A
 * JavaScript string is UTF-16, so "valid UTF-8" means it holds no unpaired surrogate.
 */
export function isValidNoteText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) return false;
  }
  return !/\p{Surrogate}/u.test(text);
}

/**
 * c2sp.org/signed-note: key names are non-empty with no Unicode space and no '+', which separates
 * the fields of a verifier key. Names are also note text, hence the note-text rule.
 */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && isValidNoteText(name) && !/[\p{White_Space}+]/u.test(name);
}
