// CoNLL-U output of a parsed Document (https://universaldependencies.org/format.html), for
// `newsgraph parse FILE` and debugging: one block per sentence with "# sent_id" and "# text",
// one line per token: ID FORM _ _ XPOS _ HEAD DEPREL _ MISC (SpaceAfter=No where the next
// token of the sentence follows without a space). LEMMA, UPOS and FEATS are not predicted.
//
// Thread safety: pure function.
#pragma once

#include <string>

#include "core/document.hpp"

namespace newsgraph {

// Reads doc.text(), doc.tokens, doc.sentences, doc.pos and doc.arcs (either may be empty:
// '_' is written). Arc heads are document token indices (parser.hpp); heads outside the
// sentence are written as 0. Tabs and newlines inside a token are written as spaces.
std::string to_conllu(const Document& doc);

}  // namespace newsgraph
