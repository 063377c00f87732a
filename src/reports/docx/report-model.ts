/**
 * The plain input of the .docx builder: a finished report, every figure already written out as a
 * Vietnamese sentence. The builder only lays text out (NĐ 30/2020 Phụ lục I); it never computes,
 * reorders or re-cases content, so what the officer approved is exactly what gets printed.
 */
export interface ReportDocument {
  issuer: {
    /**
     * Parent body ("tên cơ quan chủ quản", upright caps above the issuer). A UBND phường has none
     * (vn-report-format.md §1.3 row 3), so leave it out unless a unit under the UBND issues the report.
     */
    parent?: string;
    /**
     * Issuer name in caps, e.g. "ỦY BAN NHÂN DÂN PHƯỜNG 1". A name starting "ỦY BAN NHÂN DÂN " is
     * printed on two lines as offices do; "\n" forces line breaks anywhere.
     */
    name: string;
  };
  /** "377". Left out for a draft: the văn thư numbers the report after signing (Điều 15). */
  number?: string;
  /** "BC-UBND". */
  symbol: string;
  /** Place name as written before the date ("Phường 1", "Hoàn Kiếm"); the rule is per unit (§1.5). */
  place: string;
  /**
   * Date of issue. Drafts leave the day out ("ngày      tháng 11 năm 2026"); leave the whole date
   * out to blank day, month and year.
   */
  date?: { day?: number; month: number; year: number };
  /** Document type, "BÁO CÁO". */
  title: string;
  /** Trích yếu, sentence case. "\n" forces a line break. */
  summary: string;
  /** "Thực hiện …, Ủy ban nhân dân phường … báo cáo như sau:" */
  opening?: string;
  /** Body hierarchy: Phần / I. / 1. / a). */
  parts: ReportPart[];
  /** "Trên đây là báo cáo …". The builder ends it with "./." (added once). */
  closing: string;
  /** Nơi nhận entries without the leading "- ", e.g. ["UBND tỉnh Đồng Tháp;", "Lưu: VT, VP."]. */
  recipients: string[];
  signer: {
    /** "TM. ỦY BAN NHÂN DÂN" */
    authority: string;
    /** "CHỦ TỊCH", or "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" (one printed line per "\n"-separated part). */
    position: string;
    name: string;
  };
  /** Indicator table printed on its own page after the report, headed "PHỤ LỤC". */
  annex?: ReportAnnex;
}

export interface ReportAnnex {
  /** Annex title, e.g. "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026". */
  title: string;
  /**
   * Line under the title. Defaults to "(Kèm theo Báo cáo số …/BC-UBND ngày … tháng … năm …)"
   * built from the report's number and date.
   */
  note?: string;
  /** Header cells, e.g. ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "% KH", "Cùng kỳ", "% so cùng kỳ"]. */
  columns: string[];
  /** Body rows, one string per column. */
  rows: string[][];
}

export interface ReportPart {
  /**
   * "Phần thứ nhất\nKẾT QUẢ THỰC HIỆN …" for term reports: the first line is the "Phần" line, the
   * rest its title, each centred bold. Monthly reports have a single part without a heading.
   */
  heading?: string;
  sections: ReportSection[];
}

export interface ReportSection {
  /** "I. KẾT QUẢ THỰC HIỆN …" at the top level, "1. …" under it, "a) …" below that. */
  heading: string;
  paragraphs?: string[];
  children?: ReportSection[];
}
