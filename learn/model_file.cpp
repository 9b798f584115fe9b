// See model_file.hpp and docs/model-format.md.
#include "learn/model_file.hpp"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>

#include "core/atomic_file.hpp"

namespace newsgraph::learn {
namespace {

constexpr std::string_view kRetrainHint = "retrain with the command in models/README.md";

bool is_single_line(std::string_view s) { return s.find_first_of("\r\n") == std::string_view::npos; }
// A label, a kind or a section name: one non-empty run without whitespace (':' allowed,
// as in "nmod:poss").
bool is_word(std::string_view s) { return !s.empty() && s.find_first_of(" \t\r\n") == std::string_view::npos; }
// A key of a "key=value" entry: a word without '='.
bool is_key(std::string_view s) { return is_word(s) && s.find('=') == std::string_view::npos; }

template <typename T>
bool parse_uint(std::string_view s, T& out) {
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size() && !s.empty();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Splits "a=b" at the first '='.
bool split_pair(std::string_view s, std::pair<std::string, std::string>& out) {
  const auto eq = s.find('=');
  if (eq == std::string_view::npos || eq == 0) return false;
  out = {std::string(s.substr(0, eq)), std::string(s.substr(eq + 1))};
  return true;
}

Status check_header(const ModelFile& model) {
  const ModelHeader& h = model.header;
  if (!is_word(h.kind)) return Status::error("model kind '" + h.kind + "' must be one word");
  for (const auto& label : h.labels)
    if (!is_word(label)) return Status::error("model label '" + label + "' must be one word (no whitespace)");
  for (const auto* list : {&h.hyper_parameters, &h.dev_scores})
    for (const auto& [key, value] : *list)
      if (!is_key(key) || !is_single_line(value))
        return Status::error("model header entry '" + key + "=" + value + "' must be one line, key one word");
  for (const auto& [file, sha] : h.training_data)
    if (file.empty() || !is_single_line(file) || !is_word(sha))
      return Status::error("model training-data entry '" + file + "' must be one line with a sha256");
  for (const auto& section : model.sections)
    if (!is_word(section.name)) return Status::error("model section name '" + section.name + "' must be one word");
  return Status::ok();
}

}  // namespace

const ModelSection* ModelFile::section(std::string_view name) const {
  for (const auto& s : sections)
    if (s.name == name) return &s;
  return nullptr;
}

std::string ModelFile::hyper_parameter(std::string_view name) const {
  for (const auto& [key, value] : header.hyper_parameters)
    if (key == name) return value;
  return {};
}

std::string ModelFile::dev_score(std::string_view name) const {
  for (const auto& [key, value] : header.dev_scores)
    if (key == name) return value;
  return {};
}

std::string header_text(const ModelFile& model) {
  const ModelHeader& h = model.header;
  std::string out(kModelMagic);
  out += "format: " + std::to_string(kModelFormatVersion) + "\n";
  out += "kind: " + h.kind + "\n";
  out += "feature-set: " + std::to_string(h.feature_set_version) + "\n";
  out += "labels: " + std::to_string(h.labels.size());
  for (const auto& label : h.labels) out += " " + label;
  out += "\n";
  for (const auto& [key, value] : h.hyper_parameters) out += "hyper-parameter: " + key + "=" + value + "\n";
  out += "seed: " + std::to_string(h.seed) + "\n";
  for (const auto& [file, sha] : h.training_data) out += "training-data: " + sha + " " + file + "\n";
  for (const auto& [key, value] : h.dev_scores) out += "dev-score: " + key + "=" + value + "\n";
  for (const auto& s : model.sections) out += "section: " + s.name + " " + std::to_string(s.bytes.size()) + "\n";
  return out;
}

Status save_model(const std::string& path, const ModelFile& model) {
  if (Status st = check_header(model); !st) return Status::error(path + ": " + st.message());
  AtomicFile file;
  if (Status st = file.open(path); !st) return st;
  if (Status st = file.write(header_text(model) + "\n"); !st) return st;
  for (const auto& s : model.sections)
    if (Status st = file.write(s.bytes); !st) return st;
  return file.commit();
}

Result<std::string> read_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::error(path + ": cannot open: " + std::strerror(errno));
  std::string bytes;
  if (std::fseek(f, 0, SEEK_END) == 0) {
    const long size = std::ftell(f);
    if (size > 0) bytes.resize(static_cast<std::size_t>(size));
    std::fseek(f, 0, SEEK_SET);
  }
  std::size_t got = bytes.empty() ? 0 : std::fread(bytes.data(), 1, bytes.size(), f);
  bytes.resize(got);
  // Files whose size ftell cannot tell (pipes) or that grew: read the rest.
  char buffer[65536];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, f)) bytes.append(buffer, n);
  const bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) return Status::error(path + ": read error");
  return bytes;
}

Result<ModelFile> parse_model(std::string_view bytes, const std::string& name) {
  auto fail = [&](const std::string& what) { return Status::error(name + ": " + what); };
  if (bytes.substr(0, kModelMagic.size()) != kModelMagic)
    return fail("not a newsgraph model (bad magic; expected a file starting with \"NEWSGRAPH-MODEL\")");
  std::size_t pos = kModelMagic.size();
  int line_no = 1;
  ModelFile model;
  std::vector<std::pair<std::string, std::uint64_t>> section_sizes;
  bool saw_format = false, ended = false;
  while (pos < bytes.size()) {
    const auto nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) break;
    const std::string_view line = bytes.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.empty()) {
      ended = true;
      break;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos)
      return fail("line " + std::to_string(line_no) + ": expected 'key: value', got '" + std::string(line) + "'");
    const std::string_view key = line.substr(0, colon);
    const std::string_view value = trim(line.substr(colon + 1));
    auto bad = [&]() { return fail("line " + std::to_string(line_no) + ": bad " + std::string(key) + " '" + std::string(value) + "'"); };
    if (!saw_format) {
      std::uint32_t version = 0;
      if (key != "format" || !parse_uint(value, version))
        return fail("line 2: expected 'format: N', got '" + std::string(line) + "'");
      if (version > kModelFormatVersion || version == 0)
        return fail("format " + std::to_string(version) + ", this build reads up to " +
                    std::to_string(kModelFormatVersion) + "; " + std::string(kRetrainHint));
      saw_format = true;
    } else if (key == "kind") {
      model.header.kind = std::string(value);
    } else if (key == "feature-set") {
      if (!parse_uint(value, model.header.feature_set_version)) return bad();
    } else if (key == "labels") {
      std::vector<std::string> words;
      std::size_t i = 0;
      while (i < value.size()) {
        const auto sp = value.find(' ', i);
        const auto end = sp == std::string_view::npos ? value.size() : sp;
        if (end > i) words.emplace_back(value.substr(i, end - i));
        i = end + 1;
      }
      std::size_t count = 0;
      if (words.empty() || !parse_uint(std::string_view(words[0]), count) || count != words.size() - 1) return bad();
      model.header.labels.assign(words.begin() + 1, words.end());
    } else if (key == "hyper-parameter" || key == "dev-score") {
      std::pair<std::string, std::string> kv;
      if (!split_pair(value, kv)) return bad();
      (key == "dev-score" ? model.header.dev_scores : model.header.hyper_parameters).push_back(std::move(kv));
    } else if (key == "seed") {
      if (!parse_uint(value, model.header.seed)) return bad();
    } else if (key == "training-data") {
      const auto sp = value.find(' ');
      if (sp == std::string_view::npos) return bad();
      model.header.training_data.emplace_back(std::string(trim(value.substr(sp + 1))), std::string(value.substr(0, sp)));
    } else if (key == "section") {
      const auto sp = value.rfind(' ');
      std::uint64_t size = 0;
      if (sp == std::string_view::npos || !parse_uint(value.substr(sp + 1), size)) return bad();
      section_sizes.emplace_back(std::string(value.substr(0, sp)), size);
    }
    // Unknown keys are tolerated: a same-format writer may add informational lines.
  }
  if (!saw_format) return fail("truncated: no 'format:' line");
  if (!ended) return fail("truncated: the header does not end (no empty line after it)");
  for (const auto& [section_name, size] : section_sizes) {
    if (size > bytes.size() - pos)
      return fail("truncated: section '" + section_name + "' needs " + std::to_string(size) + " bytes at offset " +
                  std::to_string(pos) + ", the file has " + std::to_string(bytes.size()) + "; " + std::string(kRetrainHint));
    model.sections.push_back({section_name, std::string(bytes.substr(pos, size))});
    pos += size;
  }
  if (pos != bytes.size())
    return fail(std::to_string(bytes.size() - pos) + " unexpected bytes after the last section (corrupt file)");
  return model;
}

Result<ModelFile> load_model(const std::string& path) {
  Result<std::string> bytes = read_file(path);
  if (!bytes) return bytes.status();
  return parse_model(*bytes, path);
}

}  // namespace newsgraph::learn
