import { describe, expect, it } from "vitest";
import type { IndexedQuestion, IndexedSection } from "../../src/conversation/template-index.js";
import type { QuestionType } from "../../src/domain/answer-value.js";
import { outline, type OutlineInput } from "../../src/reports/outline.js";

let nextId = 1;

/** A section with one question per [type, heading?]; question ids are handed out in order. */
function section(key: string, group: string, questions: [QuestionType, string?][]): IndexedSection {
  const s: IndexedSection = { id: nextId++, key, title: `Phần ${key}`, group, questions: [] };
  s.questions = questions.map(([type, heading], i): IndexedQuestion => ({
    id: nextId++,
    def: { key: `${key.replaceAll("-", "_")}_${i}`, type, label: `Câu ${i}`, example: "x", required: true, showPrevious: false, ...(heading ? { heading } : {}) },
    section: s,
    number: i + 1,
  }));
  return s;
}

/** Paragraphs "<question key>" for every question of the sections, except those in `skip`. */
function paragraphsOf(sections: IndexedSection[], skip: string[] = []): Map<number, string[]> {
  return new Map(sections.flatMap((s) => s.questions.filter((q) => !skip.includes(q.def.key)).map((q) => [q.id, [q.def.key]] as const)));
}

function input(sections: IndexedSection[], extra: Partial<OutlineInput> = {}): OutlineInput {
  return { sections, results: "Kết quả thực hiện nhiệm vụ năm 2026", group: (g) => g.replace("{next_period}", "năm 2027"), paragraphs: paragraphsOf(sections), ...extra };
}

const chiDao = section("chi-dao", "Công tác chỉ đạo, điều hành", [["text"]]);
const kinhTe = section("kinh-te", "Lĩnh vực kinh tế", [["money"], ["text"]]);
const datDai = section("dat-dai", "Lĩnh vực kinh tế", [["count"]]);
const giaoDuc = section("giao-duc", "Lĩnh vực văn hóa - xã hội", [["ratio"]]);
const danhGia = section("danh-gia", "Đánh giá chung", [["text", "Kết quả đạt được"], ["text", "Tồn tại, hạn chế"], ["text"], ["text", "Nguyên nhân"]]);
const nhiemVu = section("nhiem-vu", "Nhiệm vụ {next_period}", [["list"], ["text"]]);

describe("outline", () => {
  it("puts every group with figures under one results heading, where the first of them stands", () => {
    const [part] = outline(input([chiDao, kinhTe, datDai, giaoDuc, nhiemVu]));
    expect(part!.heading).toBeUndefined();
    expect(part!.sections.map((s) => s.heading)).toEqual(["I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2026", "III. NHIỆM VỤ NĂM 2027"]);
    const results = part!.sections[1]!;
    expect(results.children!.map((c) => [c.heading, c.children!.map((s) => [s.heading, s.paragraphs])])).toEqual([
      ["1. Lĩnh vực kinh tế", [["a) Phần kinh-te", ["kinh_te_0", "kinh_te_1"]], ["b) Phần dat-dai", ["dat_dai_0"]]]],
      ["2. Lĩnh vực văn hóa - xã hội", [["a) Phần giao-duc", ["giao_duc_0"]]]],
    ]);
    expect(part!.sections[2]).toEqual({ heading: "III. NHIỆM VỤ NĂM 2027", paragraphs: ["nhiem_vu_0", "nhiem_vu_1"], children: [] });
  });

  it("numbers narrative answers that have a heading; the next ones without continue that subsection", () => {
    const [part] = outline(input([kinhTe, danhGia]));
    expect(part!.sections[1]).toEqual({
      heading: "II. ĐÁNH GIÁ CHUNG",
      paragraphs: [],
      children: [
        { heading: "1. Kết quả đạt được", paragraphs: ["danh_gia_0"] },
        { heading: "2. Tồn tại, hạn chế", paragraphs: ["danh_gia_1", "danh_gia_2"] },
        { heading: "3. Nguyên nhân", paragraphs: ["danh_gia_3"] },
      ],
    });
  });

  it("keeps the heading of an unanswered question as a visible gap, and leaves out a question that does not apply", () => {
    const sections = [kinhTe, danhGia];
    const paragraphs = paragraphsOf(sections, ["danh_gia_3"]);
    paragraphs.set(danhGia.questions[0]!.id, []);
    const [part] = outline(input(sections, { paragraphs }));
    expect(part!.sections[1]!.children).toEqual([
      { heading: "1. Kết quả đạt được", paragraphs: [] },
      { heading: "2. Tồn tại, hạn chế", paragraphs: ["danh_gia_1", "danh_gia_2"] },
    ]);
  });

  it("splits the report into parts, numbering headings afresh in each", () => {
    const parts = outline(
      input([chiDao, kinhTe, danhGia, nhiemVu], {
        parts: [
          { from: "chi-dao", heading: "Phần thứ nhất", title: "Kết quả năm 2026" },
          { from: "nhiem-vu", heading: "Phần thứ hai", title: "Phương hướng, nhiệm vụ năm 2027" },
        ],
      }),
    );
    expect(parts.map((p) => [p.heading, p.sections.map((s) => s.heading)])).toEqual([
      ["Phần thứ nhất\nKẾT QUẢ NĂM 2026", ["I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2026", "III. ĐÁNH GIÁ CHUNG"]],
      ["Phần thứ hai\nPHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027", ["I. NHIỆM VỤ NĂM 2027"]],
    ]);
  });
});
