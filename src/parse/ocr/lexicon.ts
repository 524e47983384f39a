// Common two-syllable terms of Vietnamese administrative writing (reports, plans, decisions of
// communes and districts), for putting OCR'd tone marks right (retone.ts). General vocabulary of
// the genre, not phrases of particular reports. Where two real terms differ in tone marks only
// ('chỉ tiêu' indicator, 'chi tiêu' spending), both are listed: retone.ts then cannot tell which
// is meant and leaves such a pair as read.
export const TERMS: readonly string[] = [
  // bodies and people
  'ủy ban', 'nhân dân', 'hội đồng', 'chủ tịch', 'phó chủ', 'bí thư', 'đảng ủy', 'đảng bộ', 'đảng viên',
  'chi bộ', 'cán bộ', 'công chức', 'viên chức', 'thành viên', 'trưởng ban', 'phó ban', 'tổ trưởng',
  'tổ phó', 'tổ giúp', 'giúp việc', 'thường trực', 'thường vụ', 'ban chỉ', 'chỉ đạo', 'mặt trận',
  'tổ quốc', 'đoàn thể', 'đoàn viên', 'hội viên', 'công an', 'quân sự', 'y tế', 'văn phòng', 'thống kê',
  'nội vụ', 'dân vận', 'tư pháp', 'hộ tịch', 'địa chính', 'tài chính', 'kế toán', 'huyện ủy',
  'tỉnh ủy', 'thị ủy', 'thành ủy', 'thị trấn', 'thị xã', 'thành phố', 'tổ dân', 'dân phố', 'khu phố',
  'người dân', 'doanh nghiệp', 'tổ chức', 'cơ quan', 'đơn vị', 'nhà trường', 'trường học', 'trạm y',
  // documents
  'báo cáo', 'kế hoạch', 'quyết định', 'công văn', 'thông báo', 'hướng dẫn', 'chỉ thị', 'nghị quyết',
  'nghị định', 'thông tư', 'tờ trình', 'biên bản', 'giấy mời', 'phụ lục', 'biểu mẫu', 'biểu tổng',
  'tổng hợp', 'nơi nhận', 'sơ kết', 'tổng kết', 'kèm theo', 'ban hành', 'căn cứ', 'thực hiện',
  // the work
  'chính quyền', 'thân thiện', 'dân chủ', 'quy chế', 'cải cách', 'hành chính', 'chuyển đổi', 'đổi số',
  'văn hóa', 'văn minh', 'công sở', 'ứng xử', 'quy tắc', 'tiếp xúc', 'đối thoại', 'khiếu nại', 'tố cáo',
  'đơn thư', 'giải quyết', 'thủ tục', 'hồ sơ', 'một cửa', 'dịch vụ', 'trực tuyến', 'điện tử',
  'chính trị', 'xã hội', 'kinh tế', 'an ninh', 'trật tự', 'quốc phòng', 'triển khai', 'quán triệt',
  'tuyên truyền', 'trực quan', 'khẩu hiệu', 'băng rôn', 'tập huấn', 'bồi dưỡng', 'kiểm tra', 'giám sát',
  'kiểm chứng', 'kiểm định', 'thẩm định', 'công nhận', 'đánh giá', 'khảo sát', 'hài lòng', 'đăng ký',
  'đạt chuẩn', 'tiêu chí', 'chỉ tiêu', 'nhiệm vụ', 'phương hướng', 'kiến nghị', 'đề xuất', 'đề nghị',
  'kiện toàn', 'bổ sung', 'thay đổi', 'phân công', 'phụ trách', 'chủ trì', 'phối hợp', 'tiếp nhận',
  'trả kết', 'kết quả', 'nguyên nhân', 'hạn chế', 'khó khăn', 'tồn tại', 'giải pháp', 'mục tiêu',
  // figures
  'tổng số', 'số lượng', 'số liệu', 'kinh phí', 'ngân sách', 'dự toán', 'đầu tư', 'hỗ trợ', 'bố trí',
  'triệu đồng', 'nghìn đồng', 'đồng chí', 'nhân khẩu', 'hộ dân', 'hộ gia', 'gia đình', 'diện tích',
  'dân số', 'thu nhập', 'bình quân', 'đầu người', 'tỷ lệ', 'trung tâm', 'địa bàn', 'địa phương',
  'lớp tập', 'cuộc kiểm', 'phiếu khảo', 'năm nay', 'tháng đầu', 'tháng cuối', 'cả năm',
  // real terms that differ from one above in tone marks only
  'chi tiêu',
];
