// Model files: a readable text header, then named binary sections. The format is specified in
// docs/model-format.md:
//
//   NEWSGRAPH-MODEL
//   format: 1
//   kind: pos-tagger
//   feature-set: 1
//   labels: 3 A B C
//   hyper-parameter: epochs=8
//   seed: 42
//   training-data: <sha256> <file name>
//   dev-score: accuracy=96.10
//   section: weights 123456
//   <empty line>
//   <the section bytes, in the order of the section lines>
//
// Files are written atomically (core/atomic_file.hpp). The loader reads the whole file in
// one go and rejects an unknown magic, a newer format or a truncated file with a message that
// names the file and the fix. Thread safety: free functions, no shared state.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.hpp"

namespace newsgraph::learn {

// The newest file format this build reads and the one it writes.
inline constexpr std::uint32_t kModelFormatVersion = 1;
inline constexpr std::string_view kModelMagic = "NEWSGRAPH-MODEL\n";

// Header fields. Strings must be single-line text (no '\n' or '\r'); the kind, labels, pair
// keys, sha256 values and section names also no whitespace, and pair keys no '='
// (save_model() checks). Labels may contain ':' ("nmod:poss") and '='.
struct ModelHeader {
  std::string kind;                       // "pos-tagger", "ner-tagger", "parser", ...
  std::uint32_t feature_set_version = 1;  // bump when feature extraction changes
  std::vector<std::string> labels;
  std::vector<std::pair<std::string, std::string>> hyper_parameters;  // name -> value
  std::uint64_t seed = 0;
  std::vector<std::pair<std::string, std::string>> training_data;     // file name -> sha256 hex
  std::vector<std::pair<std::string, std::string>> dev_scores;        // metric -> value
};

struct ModelSection {
  std::string name;
  std::string bytes;
};

struct ModelFile {
  ModelHeader header;
  std::vector<ModelSection> sections;
  // The section called `name`, or nullptr.
  const ModelSection* section(std::string_view name) const;
  // Value of a hyper-parameter / dev score, or "" when absent.
  std::string hyper_parameter(std::string_view name) const;
  std::string dev_score(std::string_view name) const;
};

// The readable header exactly as save_model() writes it (magic line, format line, fields,
// section lines; without the empty line that ends it). `newsgraph model-info` prints this.
std::string header_text(const ModelFile& model);

// Writes the model to `path` atomically. Fails on header values that cannot be written
// (see ModelHeader) or on I/O errors, naming the path.
Status save_model(const std::string& path, const ModelFile& model);

// Parses a model from bytes; `name` is used in messages ("models/pos-en.model: ...").
Result<ModelFile> parse_model(std::string_view bytes, const std::string& name);
// Reads and parses `path` in one go.
Result<ModelFile> load_model(const std::string& path);

// Reads a whole file in one go; errors name the path.
Result<std::string> read_file(const std::string& path);

}  // namespace newsgraph::learn
