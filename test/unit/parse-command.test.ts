import { describe, expect, it } from "vitest";
import { matchKeyword, parseCommand } from "../../src/domain/parse-command.js";

describe("parseCommand", () => {
  it.each([
    ["/baocao thang", "baocao", ["thang"]],
    ["/báo cáo tháng", "baocao", ["thang"]],
    ["/BAOCAO THANG", "baocao", ["thang"]],
    ["/Báo Cáo Quý", "baocao", ["quy"]],
    ["/báo cáo 6 tháng", "baocao", ["6thang"]],
    ["/baocao 6thang", "baocao", ["6thang"]],
    ["/baocao 6Tháng", "baocao", ["6thang"]],
    ["/báo cáo 9 tháng 2020", "baocao", ["9thang", "2020"]],
    ["/baocao năm 2023", "baocao", ["nam", "2023"]],
    ["/baocao tháng 5/2023", "baocao", ["thang", "5/2023"]],
    ["/baocao", "baocao", []],
    ["/Nhập", "nhap", []],
    ["/nhap", "nhap", []],
    ["/tiến độ", "tiendo", []],
    ["/trợ giúp", "trogiup", []],
    ["/help", "help", []],
    ["/sửa", "sua", []],
    ["/hủy", "huy", []],
    ["/liên kết", "lienket", []],
    ["/vắng mặt 20/11-25/11", "vangmat", ["20/11-25/11"]],
    ["/nhắc nhở Lan", "nhacnho", ["Lan"]],
    ["/nhac nho Nguyễn Văn A", "nhacnho", ["Nguyễn", "Văn", "A"]],
    ["/start ABC123", "start", ["ABC123"]],
    ["/nhap sua", "nhap", ["sua"]],
    ["  /huy  ", "huy", []],
    ["/lạ Xyz", "la", ["Xyz"]],
    ["/ti\u0301ê\u0301n đô\u0323", "tiendo", []],
  ])("%j → %s %j", (text, name, args) => {
    expect(parseCommand(text)).toEqual({ name, args });
  });

  it("separates the @botname suffix", () => {
    expect(parseCommand("/nhap@BaoCaoBot")).toEqual({ name: "nhap", args: [], bot: "BaoCaoBot" });
    expect(parseCommand("/báo cáo@BaoCaoBot tháng")).toEqual({ name: "baocao", args: ["thang"], bot: "BaoCaoBot" });
    expect(parseCommand("/baocao@BaoCaoBot 6 tháng")).toEqual({ name: "baocao", args: ["6thang"], bot: "BaoCaoBot" });
  });

  it.each(["nhap", "báo cáo tháng", "", "/", "/ nhap", "//", "/12/5", "/nhap@", "huy /huy"])(
    "%j is not a command",
    (text) => {
      expect(parseCommand(text)).toBeNull();
    },
  );
});

describe("matchKeyword", () => {
  it.each([
    ["bỏ qua", "skip"],
    ["bo qua", "skip"],
    ["Bỏ Qua", "skip"],
    ["bỏ", "skip"],
    ["skip", "skip"],
    ["SKIP", "skip"],
    ["quay lại", "back"],
    ["quay lai", "back"],
    ["lùi", "back"],
    ["back", "back"],
    ["giữ nguyên", "keep"],
    ["giu nguyen", "keep"],
    ["như cũ", "keep"],
    ["nhu cu", "keep"],
    ["hủy", "cancel"],
    ["huỷ", "cancel"],
    ["huy", "cancel"],
    ["HỦY", "cancel"],
    ["  bỏ qua.  ", "skip"],
    ["quay lại!", "back"],
    ["hủy!!", "cancel"],
    ["bỏ  qua", "skip"],
    ["hủy".normalize("NFD"), "cancel"],
  ])("%j → %s", (text, keyword) => {
    expect(matchKeyword(text)).toBe(keyword);
  });

  it.each(["đúng", "dung", "dừng", "có", "bỏ qua đi", "28", "", "quay", "giữ", "hũy", "/huy"])("%j is no keyword", (text) => {
    expect(matchKeyword(text)).toBeNull();
  });
});
