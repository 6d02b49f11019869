import { pdfText } from './pdf-text';

describe('text for the PDF fonts', () => {
  it('keeps Latin-1 and the WinAnsi signs the rules use', () => {
    expect(pdfText('Hélène Côté — 47 C.F.R. § 64.1200 “quoted” 10:00–21:30 €')).toBe('Hélène Côté — 47 C.F.R. § 64.1200 “quoted” 10:00–21:30 €');
  });

  it('drops accents WinAnsi lacks, spells out a few signs, and marks the rest', () => {
    expect(pdfText('Łódź Ővári Ğ')).toBe('Lódz Ovári G');
    expect(pdfText('P25M → P13M, a ≤ b, 0x01 ‖ key')).toBe('P25M -> P13M, a <= b, 0x01 || key');
    expect(pdfText('王 ✓')).toBe('? ?');
    expect(pdfText('tab\there')).toBe('tab here');
  });
});
