import { pdfSafeText, pdfWriter } from './pdf';

describe('pdfSafeText', () => {
  it('keeps Danish and Western European text as it is', () => {
    expect(pdfSafeText('Æblegrød på Ørestad – “godt” • 50 €')).toBe('Æblegrød på Ørestad – “godt” • 50 €');
  });

  it('takes accents off letters the standard fonts lack, and marks the rest', () => {
    expect(pdfSafeText('Łukasz Ğündüz Čapek')).toBe('?ukasz Gündüz Capek');
    expect(pdfSafeText('Glad 😀 中')).toBe('Glad ? ?');
  });

  it('keeps line breaks and turns tabs into spaces, dropping other control characters', () => {
    expect(pdfSafeText('a\nb\tc\u0007d')).toBe('a\nb c?d');
  });
});

describe('pdfWriter', () => {
  it('makes a titled A4 PDF of the text written', async () => {
    const pdf = pdfWriter('Mødeplan', 50);
    pdf.text('Mødeplan for uge 12 😀');
    pdf.field('Sted', 'Biblioteket');
    const bytes = (await pdf.end()).toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    expect(bytes.trimEnd().endsWith('%%EOF')).toBe(true);
    expect((bytes.match(/\/Type \/Page\b/g) ?? []).length).toBe(1);
  });
});
