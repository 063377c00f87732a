import type { ReportDocument } from "./report-model.js";

/**
 * A realistic monthly ward report (three pages plus an annex), used by the tests and handy for
 * rendering a preview of the layout. Figures are fictitious but phrased as the bot writes them
 * (vn-report-format.md §3.3); recipients follow the two-level government since 1/7/2025 (§4).
 */
export function sampleReport(): ReportDocument {
  return {
    issuer: { name: "ỦY BAN NHÂN DÂN PHƯỜNG 1" },
    number: "377",
    symbol: "BC-UBND",
    place: "Phường 1",
    date: { day: 17, month: 11, year: 2026 },
    title: "BÁO CÁO",
    summary:
      "Tình hình kinh tế - xã hội, quốc phòng - an ninh tháng 11 năm 2026;\nnhiệm vụ trọng tâm tháng 12 năm 2026",
    opening:
      "Thực hiện Quyết định số 52/2025/QĐ-UBND ngày 15 tháng 8 năm 2025 của Ủy ban nhân dân tỉnh Đồng Tháp ban hành chế độ báo cáo định kỳ, Ủy ban nhân dân Phường 1 báo cáo tình hình kinh tế - xã hội, quốc phòng - an ninh tháng 11 năm 2026 và nhiệm vụ trọng tâm tháng 12 năm 2026 như sau:",
    parts: [
      {
        sections: [
          {
            heading: "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 11 NĂM 2026",
            children: [
              {
                heading: "1. Lĩnh vực kinh tế",
                children: [
                  {
                    heading: "a) Thu, chi ngân sách",
                    paragraphs: [
                      "Tổng thu ngân sách nhà nước trên địa bàn phường trong tháng ước đạt 1,25 tỷ đồng; lũy kế 11 tháng đạt 12,6 tỷ đồng, đạt 92,4% dự toán Ủy ban nhân dân tỉnh giao, tăng 8,7% so với cùng kỳ năm 2025. Trong đó, thu ngoài quốc doanh đạt 4,82 tỷ đồng; lệ phí trước bạ đạt 2,15 tỷ đồng; thu tiền sử dụng đất đạt 3,4 tỷ đồng.",
                      "Tổng chi ngân sách phường trong tháng là 0,96 tỷ đồng; lũy kế 11 tháng chi 9,84 tỷ đồng, đạt 86,1% dự toán, bảo đảm chi lương, phụ cấp và các hoạt động thường xuyên, ưu tiên chi an sinh xã hội và chỉnh trang đô thị.",
                    ],
                  },
                  {
                    heading: "b) Thương mại, dịch vụ; hộ kinh doanh, doanh nghiệp",
                    paragraphs: [
                      "Hoạt động thương mại, dịch vụ trên địa bàn ổn định; hàng hóa phong phú, giá cả không biến động lớn. Trong tháng cấp mới 23 giấy chứng nhận đăng ký hộ kinh doanh, lũy kế 11 tháng cấp 214 giấy, tăng 12,6% so với cùng kỳ. Toàn phường hiện có 1.868 hộ kinh doanh và 127 doanh nghiệp đang hoạt động.",
                      "Phối hợp Đội Quản lý thị trường kiểm tra 18 cơ sở kinh doanh về niêm yết giá, nguồn gốc hàng hóa; nhắc nhở 04 trường hợp, không phát hiện hàng giả, hàng kém chất lượng.",
                    ],
                  },
                  {
                    heading:
                      "c) Quản lý đô thị, xây dựng, đất đai, tài nguyên - môi trường; đầu tư công",
                    paragraphs: [
                      "Cấp mới 19 giấy phép xây dựng nhà ở riêng lẻ, lũy kế 11 tháng cấp 176 giấy phép, tăng 5,4% so với cùng kỳ. Tổ kiểm tra trật tự đô thị tổ chức 42 lượt kiểm tra, nhắc nhở 65 trường hợp lấn chiếm vỉa hè, lòng đường, lập biên bản xử phạt 12 trường hợp với số tiền 18,5 triệu đồng.",
                      "Tiếp nhận 58 hồ sơ đất đai, đã giải quyết 55 hồ sơ, tỷ lệ đúng hạn đạt 100%. Duy trì thu gom rác thải sinh hoạt hằng ngày, tỷ lệ hộ dân đăng ký thu gom đạt 99,2%. Công trình nâng cấp hẻm 72 đường 30 Tháng 4 đạt 85% khối lượng, giải ngân 1,12 tỷ đồng, đạt 74,6% kế hoạch vốn năm 2026.",
                    ],
                  },
                ],
              },
              {
                heading: "2. Lĩnh vực văn hóa - xã hội",
                children: [
                  {
                    heading: "a) Giáo dục - đào tạo",
                    paragraphs: [
                      "Các trường trên địa bàn thực hiện chương trình học kỳ I năm học 2026 - 2027 đúng kế hoạch; tỷ lệ huy động trẻ 5 tuổi ra lớp đạt 100%, trẻ mẫu giáo đạt 95,5%. Tổ chức các hoạt động chào mừng Ngày Nhà giáo Việt Nam 20 tháng 11 trang trọng, thiết thực.",
                    ],
                  },
                  {
                    heading: "b) Y tế, dân số",
                    paragraphs: [
                      "Trạm Y tế phường khám, điều trị cho 1.245 lượt người, tăng 6,3% so với tháng trước; tiêm chủng mở rộng cho 86 trẻ, đạt 100% kế hoạch tháng. Ghi nhận 07 ca sốt xuất huyết, giảm 3 ca so với cùng kỳ; đã xử lý ổ dịch và phun hóa chất diệt muỗi theo quy định.",
                    ],
                  },
                  {
                    heading: "c) Lao động, việc làm, an sinh xã hội",
                    paragraphs: [
                      "Giới thiệu việc làm cho 35 lao động, lũy kế 11 tháng giải quyết việc làm cho 412 lao động, đạt 103% kế hoạch năm, vượt 3%. Chi trả trợ cấp xã hội hằng tháng cho 327 đối tượng với tổng số tiền 198,6 triệu đồng, qua tài khoản đạt 96,3%. Toàn phường còn 12 hộ nghèo, chiếm 0,53% tổng số hộ.",
                    ],
                  },
                ],
              },
              {
                heading: "3. Lĩnh vực nội chính",
                children: [
                  {
                    heading: "a) Cải cách hành chính, chuyển đổi số",
                    paragraphs: [
                      "Trung tâm Phục vụ hành chính công phường tiếp nhận 1.257 hồ sơ thủ tục hành chính (trực tiếp 514 hồ sơ, trực tuyến 743 hồ sơ), đã giải quyết 1.231 hồ sơ, tỷ lệ đúng hạn đạt 98,6%; tỷ lệ hồ sơ trực tuyến toàn trình đạt 59,1%.",
                    ],
                  },
                  {
                    heading: "b) Quốc phòng, an ninh",
                    paragraphs: [
                      "Duy trì nghiêm chế độ trực sẵn sàng chiến đấu; hoàn thành sơ tuyển nghĩa vụ quân sự năm 2027 cho 96 công dân. Tình hình an ninh chính trị, trật tự an toàn xã hội ổn định; xảy ra 02 vụ phạm pháp hình sự, giảm 1 vụ so với cùng kỳ, đã điều tra làm rõ 02 vụ; không xảy ra cháy, nổ.",
                    ],
                  },
                ],
              },
            ],
          },
          {
            heading: "II. ĐÁNH GIÁ CHUNG",
            children: [
              {
                heading: "1. Kết quả đạt được",
                paragraphs: [
                  "Tình hình kinh tế - xã hội tiếp tục ổn định và phát triển; thu ngân sách đạt khá, các chính sách an sinh xã hội được thực hiện đầy đủ, kịp thời; cải cách hành chính có chuyển biến rõ nét; quốc phòng, an ninh được giữ vững.",
                ],
              },
              {
                heading: "2. Tồn tại, hạn chế",
                paragraphs: [
                  "Tình trạng lấn chiếm vỉa hè, lòng đường vẫn còn tái diễn ở một số tuyến đường; tiến độ giải ngân vốn đầu tư công còn chậm so với kế hoạch.",
                ],
              },
              {
                heading: "3. Nguyên nhân",
                paragraphs: [
                  "Một bộ phận người dân chưa chấp hành nghiêm quy định về trật tự đô thị; lực lượng kiểm tra còn mỏng, kiêm nhiệm nhiều việc; một số công trình vướng mặt bằng thi công.",
                ],
              },
            ],
          },
          {
            heading: "III. NHIỆM VỤ TRỌNG TÂM THÁNG 12 NĂM 2026",
            paragraphs: [
              "1. Tập trung đôn đốc thu ngân sách, phấn đấu hoàn thành và vượt dự toán năm 2026; chuẩn bị nội dung trình Hội đồng nhân dân phường tại kỳ họp cuối năm.",
              "2. Tăng cường kiểm tra, xử lý vi phạm trật tự đô thị, xây dựng; đẩy nhanh tiến độ các công trình đầu tư công, bảo đảm giải ngân đạt kế hoạch.",
              "3. Chăm lo Tết Nguyên đán cho hộ nghèo, gia đình chính sách; tổ chức các hoạt động mừng Đảng, mừng Xuân bảo đảm an toàn, tiết kiệm.",
              "4. Giữ vững an ninh chính trị, trật tự an toàn xã hội; hoàn thành công tác tuyển quân năm 2027.",
            ],
          },
          {
            heading: "IV. ĐỀ XUẤT, KIẾN NGHỊ",
            paragraphs: [
              "Đề nghị Ủy ban nhân dân tỉnh quan tâm bố trí vốn hoàn thành công trình nâng cấp hẻm 72 đường 30 Tháng 4 trong quý I năm 2027.",
            ],
          },
        ],
      },
    ],
    closing:
      "Trên đây là báo cáo tình hình kinh tế - xã hội, quốc phòng - an ninh tháng 11 năm 2026 và nhiệm vụ trọng tâm tháng 12 năm 2026 của Ủy ban nhân dân Phường 1",
    recipients: [
      "UBND tỉnh Đồng Tháp (để báo cáo);",
      "Văn phòng UBND tỉnh;",
      "Sở Tài chính;",
      "Thường trực Đảng ủy phường;",
      "Thường trực HĐND phường;",
      "Chủ tịch, các PCT UBND phường;",
      "Lưu: VT, VP.",
    ],
    signer: { authority: "TM. ỦY BAN NHÂN DÂN", position: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", name: "Nguyễn Văn An" },
    annex: {
      title: "KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI 11 THÁNG NĂM 2026",
      columns: ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm", "Thực hiện 11 tháng", "% KH", "Cùng kỳ", "% so cùng kỳ"],
      rows: [
        ["1", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "13,64", "12,6", "92,4", "11,59", "108,7"],
        ["2", "Chi ngân sách phường", "tỷ đồng", "11,43", "9,84", "86,1", "9,21", "106,8"],
        ["3", "Hộ kinh doanh cấp mới", "hộ", "200", "214", "107,0", "190", "112,6"],
        ["4", "Giấy phép xây dựng", "giấy", "180", "176", "97,8", "167", "105,4"],
        ["5", "Giải quyết việc làm", "lao động", "400", "412", "103,0", "398", "103,5"],
        ["6", "Tỷ lệ hồ sơ TTHC đúng hạn", "%", "98", "98,6", "100,6", "97,2", "101,4"],
      ],
    },
  };
}
