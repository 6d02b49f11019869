/**
 * The PDF uses the standard Helvetica and Courier fonts, whose encoding (WinAnsi) covers Latin-1
 * and a few typographic signs; anything else would print as garbage. Accents outside it are
 * dropped (ő → o), a few signs the rules use are spelled out, and the rest becomes `?`. The JSON
 * and CSV formats carry every character exactly.
 */

const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

// Letters with no decomposition into a Latin-1 base, and signs the rules use.
const SPELLED_OUT: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', '→': '->', '≤': '<=', '≥': '>=', '‖': '||', '−': '-' };

function isWinAnsi(character: string): boolean {
  const code = character.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || character === '\n' || WIN_ANSI_EXTRAS.has(character);
}

export function pdfText(text: string): string {
  let printable = '';
  for (const character of text) {
    if (isWinAnsi(character)) printable += character;
    else if (SPELLED_OUT[character] !== undefined) printable += SPELLED_OUT[character];
    else if (character === '\t' || character === '\r') printable += ' ';
    else {
      const base = character.normalize('NFKD').replace(/\p{M}/gu, '');
      printable += base !== '' && [...base].every(isWinAnsi) ? base : '?';
    }
  }
  return printable;
}
