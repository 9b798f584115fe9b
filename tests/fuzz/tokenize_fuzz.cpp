// libFuzzer target: the tokenizer and sentence splitter on any text. The first byte picks
// the sentence limit (8 to 263 tokens), so the cutting of long sentences is fuzzed too; the
// rest, repaired to valid UTF-8 as ingest/ hands it on, is the text.
// Run through scripts/fuzz; seeds in tests/fuzz/corpus/tokenize/.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/utf8.hpp"
#include "tests/fuzz/fuzz_checks.hpp"
#include "tokenize/tokenize.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsgraph;
  if (size == 0) return 0;
  const std::size_t max_sentence_tokens = kMinSentenceTokens + data[0];
  Document doc;
  doc.article.text = utf8::repair(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  tokenize(doc, max_sentence_tokens);
  fuzzing::check_tokens(doc, max_sentence_tokens);
  return 0;
}
