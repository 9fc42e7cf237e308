import { INDICATOR_SUPPRESSION_MAX, type IndicatorReport } from '@mentor/domain';
import { pdfSafeText, pdfWriter } from '../common/pdf';
import { currentText, filterText, GROUP_TITLES, reportRows, studyText } from './indicator-export';

/**
 * The indicator report as a PDF in the study's order: a heading per chapter, and per figure of the
 * study a horizontal bar chart drawn in vector, the study's 2015 value beside the current one, each
 * with its figure in words, and N under the chart as the study shows it.
 */

const TITLE = 'Indikatorer for mentorområdet';
const MARGIN = 56;
const PAGE_WIDTH = 595.28;
const LABEL_WIDTH = 220;
const BAR_X = MARGIN + LABEL_WIDTH + 12;
const BAR_WIDTH = 150;
const BAR_HEIGHT = 7;
const STUDY_COLOUR = '#8a8a8a';
const NOW_COLOUR = '#1f5fa8';
const TEXT_COLOUR = '#1a1a1a';

/** "3.1" → "Figur 3.1", "box 5.1" → "Boks 5.1", "text 4.3 note 4" → "Afsnit 4.3, note 4". */
export function figureTitle(figure: string): string {
  const [, kind, rest] = /^(box |text )?(.*)$/.exec(figure) ?? [];
  const name = kind === 'box ' ? 'Boks' : kind === 'text ' ? 'Afsnit' : 'Figur';
  return `${name} ${(rest ?? figure).replace(/ note /, ', note ')}`;
}

/** "20" for one value, "12–20" for several, "–" for none. */
function nText(values: number[]): string {
  if (values.length === 0) return '–';
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? String(min) : `${min}–${max}`;
}

export function renderIndicatorPdf(
  report: IndicatorReport,
  organisationName: string | null,
): Promise<Buffer> {
  const pdf = pdfWriter(TITLE, MARGIN);
  const { doc } = pdf;
  const bottom = () => doc.page.height - MARGIN;
  const ensureRoom = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  doc.fillColor(TEXT_COLOUR).font('Helvetica-Bold').fontSize(16);
  doc.text(TITLE);
  doc.font('Helvetica').fontSize(10).moveDown(0.3);
  doc.text(pdfSafeText(filterText(report, organisationName)));
  doc.moveDown(0.3).fontSize(9);
  doc.text(
    pdfSafeText(
      'Studiets tal (2015) er fra mploys undersøgelse af mentorområdet i Beskæftigelses- og ' +
        'Integrationsforvaltningen. Tallene for nu er beregnet af systemet ud fra registreringer og ' +
        `besvarede spørgeskemaer i perioden. Tal med N på ${INDICATOR_SUPPRESSION_MAX} eller derunder vises ikke.`,
    ),
    { width: PAGE_WIDTH - 2 * MARGIN },
  );
  doc.moveDown(0.5);
  // Legend: the colours are named in words too, so the chart reads in grey-scale.
  const legendY = doc.y;
  doc.rect(MARGIN, legendY + 1, 10, BAR_HEIGHT).fill(STUDY_COLOUR);
  doc.fillColor(TEXT_COLOUR).text('Studie 2015 (grå)', MARGIN + 14, legendY, { lineBreak: false });
  doc.rect(MARGIN + 130, legendY + 1, 10, BAR_HEIGHT).fill(NOW_COLOUR);
  doc.fillColor(TEXT_COLOUR).text('Nu (blå)', MARGIN + 144, legendY, { lineBreak: false });
  doc.x = MARGIN;
  doc.y = legendY + 16;

  const rows = reportRows(report);
  let group: string | null = null;
  for (let i = 0; i < rows.length;) {
    const first = rows[i];
    if (!first) break;
    // One chart per figure: the consecutive indicators of the group that share the study's figure.
    const figure = rows
      .slice(i)
      .findIndex(
        (r) =>
          r.definition.group !== first.definition.group || r.definition.figure !== first.definition.figure,
      );
    const block = rows.slice(i, figure === -1 ? rows.length : i + figure);
    i += block.length;

    if (first.definition.group !== group) {
      group = first.definition.group;
      ensureRoom(60);
      doc.moveDown(0.6).font('Helvetica-Bold').fontSize(13).fillColor(TEXT_COLOUR);
      doc.text(pdfSafeText(GROUP_TITLES[first.definition.group]), MARGIN);
      doc.moveDown(0.2);
    }
    doc.font('Helvetica').fontSize(8.5);
    const heights = block.map(({ definition }) =>
      Math.max(
        2 * BAR_HEIGHT + 10,
        doc.heightOfString(pdfSafeText(definition.question), { width: LABEL_WIDTH }),
      ),
    );
    ensureRoom(18 + heights.reduce((a, b) => a + b + 6, 0) + 16);
    doc.moveDown(0.4).font('Helvetica-Bold').fontSize(10).fillColor(TEXT_COLOUR);
    doc.text(figureTitle(first.definition.figure), MARGIN);
    doc.moveDown(0.2);

    block.forEach(({ definition, result }, k) => {
      const top = doc.y;
      doc.font('Helvetica').fontSize(8.5).fillColor(TEXT_COLOUR);
      doc.text(pdfSafeText(definition.question), MARGIN, top, { width: LABEL_WIDTH });
      const study = definition.study;
      const studyY = top + 1;
      const nowY = top + BAR_HEIGHT + 4;
      // The study's bar: filled to its value, or an outline to a bound it gave ("over 60 %").
      if (study.value !== undefined) {
        doc.rect(BAR_X, studyY, Math.max(0.5, BAR_WIDTH * study.value), BAR_HEIGHT).fill(STUDY_COLOUR);
      } else if (study.min !== undefined || study.max !== undefined) {
        const from = study.max !== undefined && study.min === undefined ? 0 : (study.min ?? 0);
        const to = study.max ?? study.min ?? 0;
        doc
          .rect(BAR_X + BAR_WIDTH * from, studyY, Math.max(0.5, BAR_WIDTH * (to - from)), BAR_HEIGHT)
          .lineWidth(0.8)
          .stroke(STUDY_COLOUR);
      }
      const studyEnd = BAR_X + BAR_WIDTH * (study.value ?? study.max ?? study.min ?? 0);
      doc.fillColor(TEXT_COLOUR).fontSize(7.5);
      doc.text(
        pdfSafeText(`2015: ${studyText(study)}${study.n ? ` (N=${study.n})` : ''}`),
        studyEnd + 4,
        studyY - 0.5,
        { lineBreak: false },
      );
      let nowEnd = BAR_X;
      if (result.value !== null) {
        doc.rect(BAR_X, nowY, Math.max(0.5, BAR_WIDTH * result.value), BAR_HEIGHT).fill(NOW_COLOUR);
        nowEnd = BAR_X + BAR_WIDTH * result.value;
      }
      doc.fillColor(TEXT_COLOUR);
      doc.text(
        pdfSafeText(
          `Nu: ${currentText(result)}${result.denominator !== null ? ` (N=${result.denominator})` : ''}`,
        ),
        nowEnd + 4,
        nowY - 0.5,
        { lineBreak: false },
      );
      doc.x = MARGIN;
      doc.y = top + (heights[k] ?? 0) + 6;
    });
    // N under the chart, as the study prints it.
    const studyN = [...new Set(block.flatMap(({ definition }) => definition.study.n ?? []))];
    const nowN = [...new Set(block.flatMap(({ result }) => result.denominator ?? []))];
    doc.font('Helvetica-Oblique').fontSize(7.5).fillColor(TEXT_COLOUR);
    doc.text(`N (2015) = ${nText(studyN)}. N (nu) = ${nText(nowN)}.`, MARGIN);
  }
  return pdf.end();
}
