// Token text as the POS tagger's features see it, and the treebank preparation that makes
// UD English EWT look like what the pipeline's tokenizer produces.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nlp/conllu/conllu.hpp"

namespace newsgraph::pos {

// The Penn Treebank form of a token (the same mapping as tokenize/normalize.hpp's ptb_form,
// kept here so that the tagger does not depend on the tokenizer): curly single quotes and
// similar (’ ‘ ‚ ‛ ʼ ‹ ›) → ', curly double quotes and guillemets (“ ” „ ‟ « ») → ", a token
// that is only a dash (– — ― ‒) → "--" while a dash inside a token → "-", Unicode hyphens
// and the minus sign → "-", … → "...", soft hyphens dropped. Returns `token` itself when
// nothing applies (all ASCII tokens), else a view of `buffer`.
std::string_view pos_form(std::string_view token, std::string& buffer);

// A sentence as the tagger sees it: one token per entry with its gold Penn tag.
struct TaggedSentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;
};

// How treebank words become tagger tokens.
enum class TreebankTokens {
  kWords,            // one token per syntactic word, as in the file ("eval pos" figure)
  kRejoinedHyphens,  // words the treebank split at a hyphen written without spaces
                     // ("long" "-" "term", SpaceAfter=No on both sides, a letter or digit
                     // on each side of the hyphen) are joined back into one token
                     // ("long-term"), as the pipeline's tokenizer keeps them; the joined
                     // token takes the tag of its last part ("term" NN → "long-term" NN).
};

std::vector<TaggedSentence> to_tagged(const std::vector<conllu::TreebankSentence>& sentences, TreebankTokens mode);

}  // namespace newsgraph::pos
