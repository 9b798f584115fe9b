// The BASELINE mention finder (issue 3): capitalised token spans with a few cue words.
// It stands in for the trained named-entity tagger of issue 4 and will be deleted then;
// nothing else in the pipeline may depend on how it works — only on Document::mentions.
#pragma once

#include "core/document.hpp"

namespace newsgraph::baseline {

// Reads doc.tokens and doc.sentences; writes doc.mentions (sorted, non-overlapping).
void find_mentions(Document& doc);

}  // namespace newsgraph::baseline
