// The Penn Treebank form of a token, for models trained on CoNLL-2003 / PTB-style text
// (ASCII quotes and dashes). The tokenizer keeps the original bytes; the NER and POS
// feature extractors look up ptb_form(token) instead.
#pragma once

#include <string>
#include <string_view>

namespace newsgraph {

// Returns the PTB form of `token`:
//   - ’ ‘ ‚ ‛ ʼ ´ ‹ › → '    (so "’s" → "'s", "n’t" → "n't", "O’Brien" → "O'Brien")
//   - “ ” „ ‟ « » → "        (CoNLL-2003 writes double quotes as ", and keeps `` and '')
//   - a token that is only an en dash, em dash, horizontal bar or figure dash → "--";
//     inside a token (the tokenizer keeps an en dash only between two word characters,
//     "1990–1995", "Trump–Putin") an en or figure dash is a hyphen → "-"
//   - ‐ ‑ (Unicode hyphens) and − (minus sign) → "-"
//   - … → "..."
//   - the soft hyphen U+00AD is dropped.
// Spaces never occur inside tokens from split_tokens, so none are handled here.
// When nothing applies (every ASCII token, most others) returns `token` itself and leaves
// `buffer` alone; otherwise writes the form into `buffer` and returns a view of it.
// Lifetime: the result views `token`'s bytes or `buffer`; it is valid while both are,
// until `buffer` is next modified. Reuse one buffer per thread to avoid allocations.
std::string_view ptb_form(std::string_view token, std::string& buffer);

}  // namespace newsgraph
