import { inflateRawSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { annexColumnWidths } from "../../src/reports/docx/annex.js";
import { closingText } from "../../src/reports/docx/body.js";
import { buildReportDocx } from "../../src/reports/docx/build-docx.js";
import {
  formatDateWords,
  formatNumberLine,
  formatPlaceDate,
  issuerLines,
} from "../../src/reports/docx/header-block.js";
import { ND30 } from "../../src/reports/docx/layout.js";
import type { ReportDocument } from "../../src/reports/docx/report-model.js";
import { sampleReport } from "../../src/reports/docx/sample-report.js";
import { textWidthTwips } from "../../src/reports/docx/text-metrics.js";

/*
 * Checks the generated WordprocessingML against Nghị định 30/2020 as set out in
 * /work/shared/docs/vn-report-format.md §1. A .docx is a zip; it is read here with node:zlib so
 * the test needs no zip library.
 */

/** Entries of a zip archive, read from its central directory. */
function unzip(buffer: Buffer): Map<string, string> {
  let eocd = -1;
  for (let i = buffer.length - 22; i >= 0; i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip archive");
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const files = new Map<string, string>();
  for (let n = 0; n < count; n++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error("bad central directory");
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const localOffset = buffer.readUInt32LE(at + 42);
    const name = buffer.toString("utf8", at + 46, at + 46 + nameLength);
    const dataStart =
      localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    const raw = buffer.subarray(dataStart, dataStart + compressedSize);
    files.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString("utf8"));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const decode = (s: string): string =>
  s
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");

/** Attributes of the first `<tag …>` in xml. */
function attrs(xml: string, tag: string): Record<string, string> {
  const match = new RegExp(`<${tag}(\\s[^>]*)?/?>`).exec(xml);
  if (!match) throw new Error(`no <${tag}> in ${xml.slice(0, 200)}`);
  return Object.fromEntries([...(match[1] ?? "").matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? "")).join("");

const paragraphsOf = (xml: string): string[] => [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
const runsOf = (xml: string): string[] => [...xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((m) => m[0]);
const tablesOf = (xml: string): string[] => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
const sectionsOf = (xml: string): string[] => [...xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);

/** The paragraph whose text equals `text` (or contains it, when `exact` is false). */
function paragraphWith(xml: string, text: string, exact = true): string {
  const found = paragraphsOf(xml).find((p) => (exact ? textOf(p) === text : textOf(p).includes(text)));
  if (!found) throw new Error(`no paragraph with text ${JSON.stringify(text)}`);
  return found;
}

interface RunFormat {
  sz: number;
  bold: boolean;
  italic: boolean;
  font: string;
}

/** Size and style of every run of the paragraph with this text (all runs must agree). */
function formatOf(xml: string, text: string, exact = true): RunFormat {
  const formats = runsOf(paragraphWith(xml, text, exact))
    .filter((r) => textOf(r) !== "")
    .map((run) => ({
      sz: Number(attrs(run, "w:sz")["w:val"]),
      bold: /<w:b\/>/.test(run),
      italic: /<w:i\/>/.test(run),
      font: attrs(run, "w:rFonts")["w:ascii"] ?? "",
    }));
  expect(new Set(formats.map((f) => JSON.stringify(f))).size).toBe(1);
  return formats[0] as RunFormat;
}

interface Unpacked {
  files: Map<string, string>;
  xml: string;
  header: (type: "default" | "first", section?: number) => string;
}

async function unpack(doc: ReportDocument): Promise<Unpacked> {
  const files = unzip(await buildReportDocx(doc));
  const xml = files.get("word/document.xml") ?? "";
  const rels = files.get("word/_rels/document.xml.rels") ?? "";
  const header = (type: "default" | "first", section = 0): string => {
    const sectPr = sectionsOf(xml)[section] ?? "";
    const id = new RegExp(`<w:headerReference[^>]*w:type="${type}"[^>]*r:id="([^"]+)"`).exec(sectPr)?.[1]
      ?? new RegExp(`<w:headerReference[^>]*r:id="([^"]+)"[^>]*w:type="${type}"`).exec(sectPr)?.[1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    return files.get(`word/${target}`) ?? "";
  };
  return { files, xml, header };
}

const TW_PER_MM = 1440 / 25.4;

describe("buildReportDocx: the sample monthly report", () => {
  let doc: Unpacked;
  beforeAll(async () => {
    doc = await unpack(sampleReport());
  });

  it("is a zip with the WordprocessingML parts", () => {
    expect(doc.files.has("word/document.xml")).toBe(true);
    expect(doc.files.has("word/styles.xml")).toBe(true);
    expect(doc.xml).toContain("<w:body>");
  });

  it("uses A4 portrait with margins 20/20/30/15 mm in every section", () => {
    const sections = sectionsOf(doc.xml);
    expect(sections).toHaveLength(2); // report + annex
    for (const s of sections) {
      expect(attrs(s, "w:pgSz")).toMatchObject({ "w:w": "11906", "w:h": "16838" });
      expect(attrs(s, "w:pgSz")["w:orient"] ?? "portrait").toBe("portrait");
      expect(attrs(s, "w:pgMar")).toMatchObject({
        "w:top": "1134",
        "w:bottom": "1134",
        "w:left": "1701",
        "w:right": "850",
      });
    }
  });

  it("sets Times New Roman on every run and as the document default", () => {
    const fonts = [...doc.xml.matchAll(/<w:rFonts([^>]*)\/>/g)].map((m) => m[1] ?? "");
    expect(fonts.length).toBeGreaterThan(50);
    for (const f of fonts) {
      for (const slot of ["ascii", "hAnsi", "cs"]) expect(f).toContain(`w:${slot}="Times New Roman"`);
    }
    const styles = doc.files.get("word/styles.xml") ?? "";
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? "";
    expect(attrs(defaults, "w:rFonts")["w:ascii"]).toBe("Times New Roman");
  });

  it.each<[string, string, RunFormat["sz"], boolean, boolean]>([
    ["Quốc hiệu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 24, true, false],
    ["Tiêu ngữ", "Độc lập - Tự do - Hạnh phúc", 26, true, false],
    ["issuer line 1", "ỦY BAN NHÂN DÂN", 24, true, false],
    ["issuer line 2", "PHƯỜNG 1", 24, true, false],
    ["số, ký hiệu", "Số: 377/BC-UBND", 26, false, false],
    ["place and date", "Phường 1, ngày 17 tháng 11 năm 2026", 26, false, true],
    ["type", "BÁO CÁO", 28, true, false],
    ["mục heading", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 11 NĂM 2026", 28, true, false],
    ["khoản heading", "1. Lĩnh vực kinh tế", 28, true, false],
    ["điểm heading", "a) Thu, chi ngân sách", 28, false, true],
    ["Nơi nhận label", "Nơi nhận:", 24, true, true],
    ["Nơi nhận entry", "- UBND tỉnh Đồng Tháp (để báo cáo);", 22, false, false],
    ["last Nơi nhận entry", "- Lưu: VT, VP.", 22, false, false],
    ["authority", "TM. ỦY BAN NHÂN DÂN", 28, true, false],
    ["deputy line", "KT. CHỦ TỊCH", 28, true, false],
    ["title line", "PHÓ CHỦ TỊCH", 28, true, false],
    ["signer name", "Nguyễn Văn An", 28, true, false],
    ["annex heading", "PHỤ LỤC", 28, true, false],
  ])("%s: %s at %i half-points", (_label, text, sz, bold, italic) => {
    expect(formatOf(doc.xml, text)).toEqual({ sz, bold, italic, font: "Times New Roman" });
  });

  it("prints the trích yếu bold 14 pt on the line under the type, centred", () => {
    const summary = paragraphWith(doc.xml, "Tình hình kinh tế - xã hội, quốc phòng - an ninh tháng 11", false);
    expect(textOf(summary)).toBe(sampleReport().summary.replace("\n", ""));
    expect(summary).toContain("<w:br/>");
    expect(formatOf(doc.xml, "Tình hình kinh tế - xã hội", false)).toMatchObject({ sz: 28, bold: true, italic: false });
    expect(attrs(summary, "w:jc")["w:val"]).toBe("center");
    expect(attrs(paragraphWith(doc.xml, "BÁO CÁO"), "w:jc")["w:val"]).toBe("center");
  });

  it("justifies body paragraphs with a 1 cm first-line indent, ≥ 6 pt apart, single spacing", () => {
    const p = paragraphWith(doc.xml, "đạt 92,4% dự toán Ủy ban nhân dân tỉnh giao", false);
    expect(formatOf(doc.xml, "đạt 92,4% dự toán", false)).toMatchObject({ sz: 28, bold: false, italic: false });
    expect(attrs(p, "w:jc")["w:val"]).toBe("both");
    expect(attrs(p, "w:ind")["w:firstLine"]).toBe("567");
    const spacing = attrs(p, "w:spacing");
    expect(Number(spacing["w:before"])).toBeGreaterThanOrEqual(120);
    expect(Number(spacing["w:line"])).toBeGreaterThanOrEqual(240);
    expect(Number(spacing["w:line"])).toBeLessThanOrEqual(360);
    expect(spacing["w:lineRule"]).toBe("auto");
  });

  it("keeps headings with the paragraph after them", () => {
    expect(paragraphWith(doc.xml, "1. Lĩnh vực kinh tế")).toMatch(/<w:keepNext\/>/);
  });

  it("lays the header out on the official grid, fixed and borderless, Số beside the date", () => {
    const header = tablesOf(doc.xml)[0] ?? "";
    expect([...header.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual([3829, 5670]);
    expect(attrs(header, "w:tblInd")["w:w"]).toBe("-199");
    expect(attrs(header, "w:tblLayout")["w:type"]).toBe("fixed");
    const borders = /<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(header)?.[0] ?? "";
    expect([...borders.matchAll(/w:val="(\w+)"/g)].map((m) => m[1])).toEqual(Array(6).fill("none"));
    for (const cellBorders of header.match(/<w:tcBorders>[\s\S]*?<\/w:tcBorders>/g) ?? []) {
      expect(cellBorders).not.toMatch(/w:val="(?!none)/);
    }
    const rows = [...header.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(2);
    const [row1 = "", row2 = ""] = rows;
    expect(textOf(row1)).toContain("ỦY BAN NHÂN DÂN");
    expect(textOf(row1)).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(textOf(row2)).toBe("Số: 377/BC-UBNDPhường 1, ngày 17 tháng 11 năm 2026");
  });

  it("draws the Tiêu ngữ rule as long as the text and the issuer rule 1/3–1/2 of its line", () => {
    const header = tablesOf(doc.xml)[0] ?? "";
    const rules = paragraphsOf(header).filter((p) => p.includes("<w:pBdr>"));
    expect(rules).toHaveLength(2);
    const ruleLength = (p: string, cell: number): number => {
      const ind = attrs(p, "w:ind");
      return cell - 2 * ND30.cellPadding - Number(ind["w:left"]) - Number(ind["w:right"]);
    };
    const [issuerRule = "", tieuNguRule = ""] = rules;
    for (const r of rules) expect(attrs(r, "w:bottom")).toMatchObject({ "w:val": "single" });
    // Tiêu ngữ bold 13 pt measures 55.9 mm (§1.4).
    expect(ruleLength(tieuNguRule, 5670) / TW_PER_MM).toBeCloseTo(55.9, 0);
    const issuerText = textWidthTwips("ỦY BAN NHÂN DÂN", "bold", 24);
    const issuer = ruleLength(issuerRule, 3829);
    expect(issuer).toBeGreaterThanOrEqual(issuerText / 3);
    expect(issuer).toBeLessThanOrEqual(issuerText / 2);
  });

  it("draws the rule under the trích yếu at 1/3–1/2 of its line, centred", () => {
    const all = paragraphsOf(doc.xml);
    const index = all.findIndex((p) => textOf(p).startsWith("Tình hình kinh tế"));
    const r = all[index + 1] ?? "";
    expect(r).toContain("<w:pBdr>");
    const ind = attrs(r, "w:ind");
    expect(ind["w:left"]).toBe(ind["w:right"]);
    const length = ND30.textWidth - Number(ind["w:left"]) - Number(ind["w:right"]);
    const line = textWidthTwips("Tình hình kinh tế - xã hội, quốc phòng - an ninh tháng 11 năm 2026;", "bold", 28);
    expect(length).toBeGreaterThanOrEqual(line / 3);
    expect(length).toBeLessThanOrEqual(line / 2);
  });

  it("ends the closing paragraph with ./. once", () => {
    const closing = paragraphWith(doc.xml, "Trên đây là báo cáo", false);
    expect(textOf(closing)).toMatch(/của Ủy ban nhân dân Phường 1\.\/\.$/);
    expect(doc.xml.match(/\.\/\./g)).toHaveLength(1);
  });

  it("puts recipients and signature in a borderless end table that does not split", () => {
    const end = tablesOf(doc.xml)[1] ?? "";
    expect([...end.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual([3402, 5952]);
    expect(attrs(end, "w:tblLayout")["w:type"]).toBe("fixed");
    expect(end).toContain("<w:cantSplit/>");
    const [left = "", right = ""] = [...end.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    expect(paragraphsOf(left).map(textOf)).toEqual([
      "Nơi nhận:",
      "- UBND tỉnh Đồng Tháp (để báo cáo);",
      "- Văn phòng UBND tỉnh;",
      "- Sở Tài chính;",
      "- Thường trực Đảng ủy phường;",
      "- Thường trực HĐND phường;",
      "- Chủ tịch, các PCT UBND phường;",
      "- Lưu: VT, VP.",
    ]);
    expect(paragraphsOf(right).map(textOf)).toEqual([
      "TM. ỦY BAN NHÂN DÂN",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "Nguyễn Văn An",
    ]);
    // Room for signature and seal above the name: about four blank lines (20–25 mm).
    const gap = Number(attrs(paragraphWith(right, "Nguyễn Văn An"), "w:spacing")["w:before"]) / TW_PER_MM;
    expect(gap).toBeGreaterThanOrEqual(20);
    expect(gap).toBeLessThanOrEqual(25);
    // "Nơi nhận:" and the authority line start level.
    expect(attrs(paragraphWith(left, "Nơi nhận:"), "w:spacing")["w:before"]).toBe(
      attrs(paragraphWith(right, "TM. ỦY BAN NHÂN DÂN"), "w:spacing")["w:before"],
    );
  });

  it("numbers pages in a centred header from page 2: titlePage with an empty first header", () => {
    const [first = ""] = sectionsOf(doc.xml);
    expect(first).toContain("<w:titlePg/>");
    const firstHeader = doc.header("first");
    expect(firstHeader).toContain("<w:hdr");
    expect(textOf(firstHeader)).toBe("");
    expect(firstHeader).not.toContain("instrText");
    const defaultHeader = doc.header("default");
    expect(defaultHeader).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(attrs(defaultHeader, "w:jc")["w:val"]).toBe("center");
    expect(attrs(defaultHeader, "w:sz")["w:val"]).toBe("28");
    expect(attrs(defaultHeader, "w:rFonts")["w:ascii"]).toBe("Times New Roman");
    // Never in a footer.
    expect(first).not.toContain("footerReference");
  });

  it("puts the annex in its own section, numbered from 1, with a bordered table", () => {
    const [first = "", annex = ""] = sectionsOf(doc.xml);
    expect(first).not.toMatch(/w:start=/);
    expect(attrs(annex, "w:pgNumType")["w:start"]).toBe("1");
    expect(annex).toContain("<w:titlePg/>");
    expect(textOf(doc.header("first", 1))).toBe("");
    expect(doc.header("default", 1)).toContain("PAGE");
    // The annex content follows the report's section break.
    const afterBreak = doc.xml.slice(doc.xml.indexOf(first) + first.length);
    expect(textOf(afterBreak)).toMatch(/^PHỤ LỤCKẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU/);
    expect(formatOf(doc.xml, "(Kèm theo Báo cáo số 377/BC-UBND ngày 17 tháng 11 năm 2026)")).toMatchObject({
      italic: true,
      sz: 28,
    });
    const table = tablesOf(doc.xml)[2] ?? "";
    const borders = /<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(table)?.[0] ?? "";
    expect([...borders.matchAll(/w:val="(\w+)"/g)].map((m) => m[1])).toEqual(Array(6).fill("single"));
    expect(table).toContain("<w:tblHeader/>");
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(8);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(ND30.textWidth);
    expect(formatOf(table, "Thu ngân sách nhà nước trên địa bàn")).toMatchObject({ sz: 24, bold: false });
    expect(formatOf(table, "Chỉ tiêu")).toMatchObject({ sz: 24, bold: true });
  });
});

describe("buildReportDocx: drafts and variants", () => {
  it("leaves number and day blank on a draft", async () => {
    const { xml } = await unpack({ ...sampleReport(), number: undefined, date: { month: 11, year: 2026 } });
    expect(paragraphsOf(xml).map(textOf)).toContain("Số:      /BC-UBND");
    expect(paragraphsOf(xml).map(textOf)).toContain("Phường 1, ngày      tháng 11 năm 2026");
    expect(xml).toContain('xml:space="preserve">Số:      /BC-UBND<');
    expect(paragraphsOf(xml).map(textOf)).toContain(
      "(Kèm theo Báo cáo số      /BC-UBND ngày      tháng 11 năm 2026)",
    );
  });

  it("prints a parent body above the issuer in upright caps", async () => {
    const { xml } = await unpack({
      ...sampleReport(),
      issuer: { parent: "ỦY BAN NHÂN DÂN PHƯỜNG 1", name: "PHÒNG KINH TẾ, HẠ TẦNG\nVÀ ĐÔ THỊ" },
    });
    expect(formatOf(xml, "ỦY BAN NHÂN DÂN PHƯỜNG 1")).toMatchObject({ sz: 24, bold: false, italic: false });
    expect(formatOf(xml, "PHÒNG KINH TẾ, HẠ TẦNG")).toMatchObject({ sz: 24, bold: true });
    expect(formatOf(xml, "VÀ ĐÔ THỊ")).toMatchObject({ sz: 24, bold: true });
  });

  it("centres a Phần heading and its title, bold, for term reports", async () => {
    const base = sampleReport();
    const { xml } = await unpack({
      ...base,
      parts: [
        { heading: "Phần thứ nhất\nKẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2026", sections: base.parts[0]?.sections ?? [] },
        { heading: "Phần thứ hai\nPHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027", sections: [{ heading: "I. MỤC TIÊU", paragraphs: ["Giữ vững ổn định."] }] },
      ],
    });
    for (const text of ["Phần thứ nhất", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2026", "Phần thứ hai"]) {
      expect(formatOf(xml, text)).toMatchObject({ sz: 28, bold: true });
      expect(attrs(paragraphWith(xml, text), "w:jc")["w:val"]).toBe("center");
    }
  });

  it("leaves the annex out when there is none", async () => {
    const { xml } = await unpack({ ...sampleReport(), annex: undefined });
    expect(sectionsOf(xml)).toHaveLength(1);
    expect(xml).not.toContain("PHỤ LỤC");
  });

  it("normalises decomposed Unicode to NFC (TCVN 6909)", async () => {
    const nfd = "Nguyễn Thị Hồng Nhung".normalize("NFD");
    const base = sampleReport();
    const { xml } = await unpack({ ...base, signer: { ...base.signer, name: nfd } });
    expect(xml).toContain("Nguyễn Thị Hồng Nhung".normalize("NFC"));
    expect(xml).not.toContain(nfd);
  });
});

describe("formatting helpers", () => {
  it("writes Số with a leading zero below 10 and a blank for drafts", () => {
    expect(formatNumberLine("5", "BC-UBND")).toBe("Số: 05/BC-UBND");
    expect(formatNumberLine("125", "BC-UBND")).toBe("Số: 125/BC-UBND");
    expect(formatNumberLine(undefined, "BC-UBND")).toBe("Số:      /BC-UBND");
  });

  it("pads days below 10 and months 1–2 only", () => {
    expect(formatDateWords({ day: 5, month: 1, year: 2026 })).toBe("ngày 05 tháng 01 năm 2026");
    expect(formatDateWords({ day: 15, month: 2, year: 2026 })).toBe("ngày 15 tháng 02 năm 2026");
    expect(formatDateWords({ day: 9, month: 3, year: 2026 })).toBe("ngày 09 tháng 3 năm 2026");
    expect(formatDateWords({ day: 30, month: 12, year: 2026 })).toBe("ngày 30 tháng 12 năm 2026");
    expect(formatPlaceDate("Hoàn Kiếm", undefined)).toBe("Hoàn Kiếm, ngày      tháng      năm     ");
  });

  it("splits a ward UBND name onto two lines", () => {
    expect(issuerLines("ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM")).toEqual(["ỦY BAN NHÂN DÂN", "PHƯỜNG HOÀN KIẾM"]);
    expect(issuerLines("ỦY BAN NHÂN DÂN")).toEqual(["ỦY BAN NHÂN DÂN"]);
    expect(issuerLines("A\nB")).toEqual(["A", "B"]);
  });

  it("adds ./. to the closing exactly once", () => {
    expect(closingText("Trên đây là báo cáo của Ủy ban nhân dân phường")).toBe(
      "Trên đây là báo cáo của Ủy ban nhân dân phường./.",
    );
    expect(closingText("Trên đây là báo cáo.")).toBe("Trên đây là báo cáo./.");
    expect(closingText("Trên đây là báo cáo./. ")).toBe("Trên đây là báo cáo./.");
  });

  it("measures text like Times New Roman (vn-report-format.md §1.4)", () => {
    const mm = (tw: number): number => tw / TW_PER_MM;
    expect(mm(textWidthTwips("Độc lập - Tự do - Hạnh phúc", "bold", 26))).toBeCloseTo(55.9, 0);
    expect(mm(textWidthTwips("ỦY BAN NHÂN DÂN", "bold", 26))).toBeCloseTo(43.2, 0);
    expect(mm(textWidthTwips("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bold", 24))).toBeCloseTo(88.3, 0);
    expect(mm(textWidthTwips("Hoàn Kiếm, ngày 15 tháng 10 năm 2025", "italic", 28))).toBeCloseTo(80.4, 0);
    expect(mm(textWidthTwips("Số: 125/BC-UBND", "regular", 26))).toBeCloseTo(36.1, 0);
  });

  it("gives annex columns the full text width and label columns the spare room", () => {
    const annex = sampleReport().annex;
    if (!annex) throw new Error("sample has an annex");
    const widths = annexColumnWidths(annex);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(ND30.textWidth);
    const label = widths[1] ?? 0;
    for (const [i, w] of widths.entries()) if (i !== 1) expect(label).toBeGreaterThan(w);
  });
});
