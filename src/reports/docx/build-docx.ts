import {
  AlignmentType,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type ISectionOptions,
} from "docx";
import { annexBlock } from "./annex.js";
import { bodyBlock } from "./body.js";
import { endBlock } from "./end-block.js";
import { headerBlock } from "./header-block.js";
import { ND30 } from "./layout.js";
import type { ReportDocument } from "./report-model.js";

/**
 * Turns a finished report into a .docx laid out per Nghị định 30/2020/NĐ-CP, Phụ lục I. The
 * document is a draft for the văn thư: the seal, signature and (unless given) number and day are
 * added when it is signed (vn-report-format.md §1.5).
 */
export async function buildReportDocx(doc: ReportDocument): Promise<Buffer> {
  const sections: ISectionOptions[] = [
    {
      properties: sectionProperties(),
      headers: pageHeaders(),
      children: [headerBlock(doc), ...bodyBlock(doc), endBlock(doc)],
    },
  ];
  if (doc.annex) {
    sections.push({
      // An appendix numbers its pages on its own (§1.3 row 25): it restarts at 1, unnumbered first page.
      properties: sectionProperties(1),
      headers: pageHeaders(),
      children: annexBlock(doc, doc.annex),
    });
  }
  const document = new Document({
    creator: doc.issuer.name.replace(/\s+/gu, " ").normalize("NFC"),
    title: `${doc.title} ${doc.summary}`.replace(/\s+/gu, " ").normalize("NFC"),
    styles: {
      default: {
        document: {
          run: { font: ND30.font, size: ND30.size.body, language: { value: ND30.language } },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections,
  });
  return Packer.toBuffer(document);
}

/** A4 portrait with the decree's margins; a different (empty) header on the first page (§1.1). */
function sectionProperties(startPage?: number): ISectionOptions["properties"] {
  return {
    titlePage: true,
    page: {
      size: { width: ND30.page.width, height: ND30.page.height, orientation: PageOrientation.PORTRAIT },
      margin: { ...ND30.margin, gutter: 0 },
      ...(startPage === undefined ? {} : { pageNumbers: { start: startPage } }),
    },
  };
}

/**
 * Page numbers: Arabic, 14 pt, centred in the top margin, from page 2 on; page 1 gets an empty
 * header (§1.1, §1.3 row 24). Never a footer: that is a common mistake of other generators (§1.6).
 */
function pageHeaders(): ISectionOptions["headers"] {
  return {
    first: new Header({ children: [new Paragraph({ children: [] })] }),
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({
              children: [PageNumber.CURRENT],
              font: ND30.font,
              size: ND30.size.pageNumber,
            }),
          ],
        }),
      ],
    }),
  };
}
