#include "ocr.h"

#include <omp.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <new>
#include <utility>
#include <vector>

#include "page_text.h"

namespace vankho::formats {
namespace {

constexpr const char* kDebianTessdata = "/usr/share/tesseract-ocr/5/tessdata";
constexpr int kDefaultDpi = 300;
constexpr int kMaxSide = 32767;  // Tesseract keeps coordinates in 16 bits

bool has_env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

std::vector<std::string> split_languages(const std::string& language) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= language.size()) {
    const size_t plus = std::min(language.find('+', start), language.size());
    if (plus > start) parts.push_back(language.substr(start, plus - start));
    start = plus + 1;
  }
  return parts;
}

bool valid_language_name(const std::string& name) {
  // Tesseract names: vie, chi_sim, script/Latin. No "..", no absolute paths.
  if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '/';
  });
}

// The Debian package that ships a language: chi_sim is tesseract-ocr-chi-sim.
std::string debian_package(const std::string& name) {
  if (name.find('/') != std::string::npos) return "the tesseract-ocr-script-* package for " + name;
  std::string package = "tesseract-ocr-";
  for (const char c : name) {
    package += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return package;
}

bool has_traineddata(const std::string& folder, const std::string& name) {
  std::error_code error;
  return std::filesystem::is_regular_file(folder + "/" + name + ".traineddata", error);
}

// $TESSDATA_PREFIX names the tessdata folder itself (Tesseract 4+); older set-ups name its
// parent, which is accepted when the language data is found there.
std::string find_tessdata(const std::string& first_language) {
  const char* prefix = std::getenv("TESSDATA_PREFIX");
  if (prefix == nullptr || *prefix == '\0') return kDebianTessdata;
  std::string folder = prefix;
  while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
  if (!has_traineddata(folder, first_language) &&
      has_traineddata(folder + "/tessdata", first_language)) {
    folder += "/tessdata";
  }
  return folder;
}

void silence(tesseract::TessBaseAPI& api) { api.SetVariable("debug_file", "/dev/null"); }

bool valid_image(const GreyImage& image) {
  if (image.width <= 0 || image.height <= 0 || image.width > kMaxSide || image.height > kMaxSide ||
      image.stride < image.width) {
    return false;
  }
  const auto needed =
      static_cast<uint64_t>(image.stride) * static_cast<uint64_t>(image.height - 1) +
      static_cast<uint64_t>(image.width);
  return image.pixels.size() >= needed;
}

}  // namespace

struct Ocr::Engine {
  tesseract::TessBaseAPI api;
};

Ocr::Ocr(std::string language) : language_(std::move(language)) {
  if (language_.empty()) language_ = "vie";
  const std::vector<std::string> parts = split_languages(language_);
  if (parts.empty() || !std::all_of(parts.begin(), parts.end(), valid_language_name)) {
    error_ = "OCR language \"" + language_ +
             "\" is not a Tesseract language name (like vie, or vie+eng)";
    return;
  }
  tessdata_ = find_tessdata(parts.front());
  for (const std::string& part : parts) {
    if (!has_traineddata(tessdata_, part)) {
      error_ = "OCR language data " + part + ".traineddata is not in " + tessdata_ +
               ": install it (apt install " + debian_package(part) +
               ") or set TESSDATA_PREFIX to the folder that holds it";
      return;
    }
  }
  try {
    auto engine = std::make_unique<Engine>();
    silence(engine->api);
    const std::vector<std::string> names = {"debug_file"};
    const std::vector<std::string> values = {"/dev/null"};
    if (engine->api.Init(tessdata_.c_str(), language_.c_str(), tesseract::OEM_LSTM_ONLY, nullptr, 0,
                         &names, &values, false) != 0) {
      error_ = "Tesseract could not load OCR language " + language_ + " from " + tessdata_ +
               " (a damaged or incompatible .traineddata? reinstall " +
               debian_package(parts.front()) + ")";
      return;
    }
    silence(engine->api);
    engine->api.SetPageSegMode(tesseract::PSM_AUTO);
    engine_ = std::move(engine);
  } catch (const std::exception& e) {
    error_ = std::string("Tesseract failed to start: ") + e.what();
  }
}

Ocr::~Ocr() {
  if (engine_) engine_->api.End();
}

std::optional<std::string> Ocr::recognise(const GreyImage& image) {
  return recognise(image, OcrPageOptions{});
}

std::optional<std::string> Ocr::recognise(const GreyImage& image, const OcrPageOptions& options) {
  if (!engine_ || !valid_image(image)) return std::nullopt;
  tesseract::ETEXT_DESC monitor;
  if (options.deadline != std::chrono::steady_clock::time_point::max()) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        options.deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    monitor.set_deadline_msecs(
        static_cast<int32_t>(std::min<int64_t>(left.count(), std::numeric_limits<int32_t>::max())));
  }
  // See the class comment: one thread per page unless the user chose otherwise.
  if (!has_env("OMP_THREAD_LIMIT") && !has_env("OMP_NUM_THREADS")) omp_set_max_active_levels(0);

  tesseract::TessBaseAPI& api = engine_->api;
  std::optional<std::string> text;
  try {
    api.SetImage(image.pixels.data(), image.width, image.height, 1, image.stride);
    api.SetSourceResolution(options.dpi >= 50 && options.dpi <= 2400 ? options.dpi : kDefaultDpi);
    if (api.Recognize(&monitor) == 0) {
      const std::unique_ptr<char[]> raw(api.GetUTF8Text());
      if (raw) text = ocr_internal::clean_page_text(raw.get());
    }
  } catch (const std::exception&) {
    text.reset();
  }
  api.Clear();
  return text;
}

OcrFunction Ocr::function() {
  return [this](const GreyImage& image) { return recognise(image); };
}

}  // namespace vankho::formats
