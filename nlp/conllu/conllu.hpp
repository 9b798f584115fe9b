// A CoNLL-U reader (https://universaldependencies.org/format.html) for training on Universal
// Dependencies treebanks (UD English EWT; see ../shared/data/README.md).
//
// Kept: the syntactic words (lines whose ID is a plain integer) with FORM, LEMMA, UPOS,
// XPOS, FEATS, HEAD and DEPREL; the surface tokens (a multiword-token line "2-3 don't" gives
// one token over words 2 and 3; every other word is its own token) with SpaceAfter=No from
// MISC; the "# sent_id" and "# text" comments. Skipped: other comments, empty nodes ("8.1",
// which only enhanced dependencies use), DEPS.
//
// Thread safety: pure functions. Errors name file:line and the problem.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"

namespace newsgraph::conllu {

struct TreebankWord {
  std::string form, lemma, upos, xpos, feats, deprel;
  int head = 0;               // 1-based index of the head word in the sentence; 0 = root;
                              // -1 when the file has "_" (no tree)
  bool space_after = true;    // false when no space follows (SpaceAfter=No); inside a
                              // multiword token false except on its last word, which takes
                              // the token's SpaceAfter
  std::uint32_t token = 0;    // index in TreebankSentence::tokens of the surface token
};

// A surface token: one word, or a multiword token ("don't" over "do" "n't").
struct TreebankToken {
  std::string form;
  std::uint32_t first_word = 0;  // word range [first_word, end_word), 0-based
  std::uint32_t end_word = 0;
  bool space_after = true;
};

struct TreebankSentence {
  std::string id;    // "# sent_id = ..." or "" when absent
  std::string text;  // "# text = ..." or "" when absent
  std::vector<TreebankWord> words;
  std::vector<TreebankToken> tokens;
  std::uint32_t line = 0;  // 1-based line of the first word in the file, for messages
};

// Parses CoNLL-U text; `name` prefixes error messages ("train.conllu:17: ...").
Result<std::vector<TreebankSentence>> parse_conllu(std::string_view text, const std::string& name);

// Reads a CoNLL-U file in one go and parses it.
Result<std::vector<TreebankSentence>> read_conllu(const std::string& path);

}  // namespace newsgraph::conllu
