#include "body.h"

#include <array>
#include <vector>

#include "viet_text.h"

namespace vankho::gen {
namespace {

using SV = std::string_view;

// Directive sentences; {P} a phrase of the document's main theme, {Q} of its second one, {Y} the
// year, {area} tỉnh / thành phố, {C} the committee (Tỉnh ủy).
constexpr std::array<SV, 16> kLines = {
    "Tiếp tục lãnh đạo, chỉ đạo thực hiện có hiệu quả {P}, gắn với {Q}.",
    "Tập trung rà soát, đánh giá kết quả thực hiện {P} trên địa bàn {area}.",
    "Tăng cường kiểm tra, giám sát việc thực hiện {P}; kịp thời tháo gỡ khó khăn, vướng mắc phát "
    "sinh.",
    "Đẩy mạnh {P}, phấn đấu hoàn thành các chỉ tiêu đề ra trong năm {Y}.",
    "Nâng cao chất lượng, hiệu quả {P}, nhất là {Q}.",
    "Các cấp ủy, tổ chức đảng quan tâm lãnh đạo {P} và {Q}.",
    "Chỉ đạo triển khai đồng bộ các giải pháp về {P}, bảo đảm đúng tiến độ, chất lượng.",
    "Huy động các nguồn lực cho {P}; ưu tiên {Q}.",
    "Phát huy vai trò của các đoàn thể chính trị - xã hội trong {P}.",
    "Kịp thời sơ kết, tổng kết, rút kinh nghiệm việc thực hiện {P}.",
    "Xác định {P} là nhiệm vụ trọng tâm, thường xuyên của các cấp, các ngành.",
    "Làm tốt công tác tuyên truyền, nâng cao nhận thức của cán bộ và Nhân dân về {P}.",
    "Gắn {P} với {Q}, tạo chuyển biến rõ nét trong năm {Y}.",
    "Đề cao trách nhiệm của cấp ủy, các cơ quan, đơn vị trong {P}.",
    "Phấn đấu đến năm 2030 cơ bản hoàn thành các mục tiêu về {P}.",
    "Khắc phục tình trạng hình thức, thiếu sâu sát trong {P} và {Q}.",
};
constexpr std::array<SV, 5> kItemHeads = {"Về {P}", "Đẩy mạnh {P}", "Nâng cao hiệu quả {P}",
                                          "Tập trung lãnh đạo {P}", "Tăng cường {P}"};
constexpr std::array<SV, 5> kDuties = {
    "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc {C} căn cứ {K} này xây dựng kế hoạch cụ "
    "thể để tổ "
    "chức thực hiện.",
    "Ban Tuyên giáo {C} chủ trì, phối hợp với các cơ quan liên quan hướng dẫn, tuyên truyền, phổ "
    "biến {K} này.",
    "Đảng đoàn Hội đồng nhân dân, Ban cán sự đảng Ủy ban nhân dân {area} lãnh đạo cụ thể hóa các "
    "nội dung của {K} "
    "này.",
    "Ủy ban Kiểm tra {C} theo dõi, kiểm tra, giám sát việc thực hiện; định kỳ báo cáo {B}.",
    "Văn phòng {C} theo dõi, đôn đốc, tổng hợp tình hình thực hiện, báo cáo Ban Thường vụ {C}.",
};

class Writer {
 public:
  Writer(const Plan& p, Rng& rng, const BigramModel& model, const std::vector<GenTheme>& themes,
         std::string& out)
      : p_(p), rng_(rng), model_(model), themes_(themes), out_(out) {}

  void run(std::string& sample) {
    opening();
    // The closing, recipients and signature that follow take about this much.
    constexpr size_t kTail = 700;
    const size_t target = p_.target_bytes > kTail ? p_.target_bytes - kTail : 0;
    if (target < out_.size() + 800) {  // a short text: a few paragraphs, no sections
      do {
        paragraph();
      } while (out_.size() < target);
      sample = sample_;
      return;
    }
    std::vector<SV> heads(p_.kind->headings.begin(), p_.kind->headings.end());
    if (target < out_.size() + 2500)
      heads.erase(heads.begin() + 1, heads.end() - 1);  // the first and the last
    const bool articles = p_.kind->kind == Kind::kQuyetDinh || p_.kind->kind == Kind::kQuyDinh;
    const bool dash = rng_.percent(40);
    int article = 0;
    for (size_t s = 0; s < heads.size(); ++s) {
      const bool last = s + 1 == heads.size();
      if (p_.kind->kind != Kind::kQuyetDinh) {
        if (articles) {
          out_ += "Chương " + std::string(roman(static_cast<int>(s + 1))) + "\n" +
                  std::string(heads[s]) + "\n\n";
        } else {
          out_ += std::string(roman(static_cast<int>(s + 1))) + (dash ? "- " : ". ") +
                  std::string(heads[s]) + "\n\n";
        }
      }
      if (last) {
        duties(articles, article, target);
        continue;
      }
      const size_t remaining = target > out_.size() ? target - out_.size() : 0;
      const size_t budget =
          out_.size() + remaining / (heads.size() - 1 - s) - (remaining > 400 ? 400 : 0);
      for (int item = 1; item <= 8 && (item == 1 || out_.size() < budget); ++item) {
        if (articles) {
          out_ += "Điều " + std::to_string(++article) + ". " +
                  expand(rng_.pick(std::span<const SV>(kItemHeads))) + "\n\n";
        } else {
          out_ += std::to_string(item) + ". " + expand(rng_.pick(std::span<const SV>(kItemHeads))) +
                  "\n\n";
        }
        const size_t item_budget = budget > out_.size() ? budget - out_.size() : 0;
        if (item_budget > 1200 && rng_.percent(20)) {
          const int subs = rng_.between(2, 4);
          for (int k = 0; k < subs; ++k) {
            out_ += std::string(1, static_cast<char>('a' + k)) + ") ";
            paragraph();
          }
        } else if (item_budget > 1200 && rng_.percent(25)) {
          for (int k = rng_.between(2, 4); k > 0; --k) {
            out_ += "- ";
            paragraph();
          }
        } else {
          for (int k = item_budget > 800 ? rng_.between(1, 2) : 1; k > 0; --k) paragraph();
        }
      }
    }
    sample = sample_;
  }

 private:
  // The text of a pattern: {P}, {Q} drawn from the two themes each time, and the fixed slots.
  std::string expand(SV pattern) {
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] != '{') {
        out.push_back(pattern[i]);
        continue;
      }
      const size_t close = pattern.find('}', i);
      const SV slot = pattern.substr(i + 1, close - i - 1);
      if (slot == "P")
        out += rng_.percent(30) ? p_.phrase : rng_.pick(themes_[p_.theme].phrases);
      else if (slot == "Q")
        out += rng_.percent(30) ? p_.phrase2 : rng_.pick(themes_[p_.theme2].phrases);
      else if (slot == "Y")
        out += std::to_string(p_.date.year);
      else if (slot == "C")
        out += p_.committee;
      else if (slot == "B")
        out += p_.body;
      else if (slot == "area")
        out += p_.committee == "Thành ủy" ? "thành phố" : "tỉnh";
      else if (slot == "K") {
        std::string k(p_.kind->label);
        lower_first(k);
        out += k;
      }
      i = close;
    }
    return out;
  }

  void chain(int sentences) {
    for (int k = 0; k < sentences; ++k) {
      if (out_.back() != ' ' && out_.back() != '\n') out_ += ' ';
      const size_t from = out_.size();
      model_.sentence(rng_, out_);
      if (sample_.empty()) sample_ = out_.substr(from);
    }
  }

  void paragraph() {
    std::string line = expand(rng_.pick(std::span<const SV>(kLines)));
    if (!p_.cites.empty() && rng_.percent(6)) {
      // One draw after the other: the order of a call's arguments is unspecified (GCC and clang
      // differ), and a seed must give one archive whatever compiled the generator.
      const auto& cited = rng_.pick(p_.cites);
      const bool with_date = rng_.percent(50);
      line = "Tiếp tục quán triệt, triển khai thực hiện có hiệu quả " + citation_text(rng_, cited, with_date) + ".";
    }
    out_ += line;
    chain(rng_.between(1, 3));
    if (rng_.percent(20)) out_.append(" ").append(expand(rng_.pick(std::span<const SV>(kLines))));
    out_ += "\n\n";
  }

  void opening() {
    if (p_.kind->kind == Kind::kQuyetDinh) {
      out_ += "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;\n\nCăn cứ Quy chế làm việc của " +
              std::string(p_.committee) + " khóa " + std::string(roman(p_.khoa)) +
              ";\n\nXét đề nghị của Ban Tổ chức " + std::string(p_.committee) + ",\n\n" +
              upper(p_.body) + " QUYẾT ĐỊNH:\n\n";
      return;
    }
    if (p_.kind->kind == Kind::kChuongTrinh && !p_.period.empty() && rng_.percent(50)) {
      out_ += "Căn cứ Chương trình công tác năm " + std::to_string(p_.date.year) + ", trong " +
              p_.period + ", " + std::string(p_.body) +
              " tập trung chỉ đạo một số công tác trọng tâm như sau:\n\n";
      return;
    }
    const size_t first = p_.title_cites ? 1 : 0;
    if (p_.cites.size() > first) {
      std::string line = "Thực hiện ";
      for (size_t k = first; k < p_.cites.size(); ++k) {
        if (k > first) line += "; ";
        line += citation_text(rng_, p_.cites[k], rng_.percent(70));
      }
      std::string kind(p_.kind->label);
      lower_first(kind);
      out_ += line + ", " + std::string(p_.body) + " ban hành " + kind + " " +
              (rng_.percent(50) ? "như sau:" : "này.") + "\n\n";
      return;
    }
    out_ += expand(rng_.pick(std::span<const SV>(kLines)));
    chain(rng_.between(1, 2));
    out_ += "\n\n";
  }

  void duties(bool articles, int& article, size_t target) {
    const int count = out_.size() + 600 < target ? rng_.between(2, 4) : 1;
    const size_t first = rng_.below(kDuties.size());
    for (int k = 0; k < count; ++k) {
      const std::string duty = expand(kDuties[(first + static_cast<size_t>(k)) % kDuties.size()]);
      if (articles) {
        out_ += "Điều " + std::to_string(++article) + ". " + duty + "\n\n";
      } else {
        out_ += std::to_string(k + 1) + ". " + duty + "\n\n";
      }
    }
  }

  const Plan& p_;
  Rng& rng_;
  const BigramModel& model_;
  const std::vector<GenTheme>& themes_;
  std::string& out_;
  std::string sample_;
};

}  // namespace

void write_body(const Plan& plan, Rng& rng, const BigramModel& model,
                const std::vector<GenTheme>& themes, std::string& out, std::string& sample) {
  Writer(plan, rng, model, themes, out).run(sample);
}

}  // namespace vankho::gen
