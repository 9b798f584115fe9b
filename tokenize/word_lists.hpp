// The closed word lists of tokenize/: which words keep their final period and whether that
// period can end a sentence, the words that clearly open a sentence, the verbs that report
// speech. Shared by the token scanner (tokenize.cpp) and the sentence splitter
// (sentences.cpp); internal to tokenize/. English-centred on purpose: the models are trained
// on English news.
#pragma once

#include <string_view>

namespace newsgraph::tokenize_detail {

enum class AbbreviationKind {
  kNone,       // not an abbreviation: the period is a token of its own
  kNeverEnds,  // precedes a name or a number: "Mr.", "Gen.", "St.", "No.", "vs.", "Jan.", "J."
  kMayEnd,     // can close a sentence: "U.S.", "Inc.", "Corp.", "etc.", "a.m.", "Jr."
};

// `word` is the text before the period, e.g. "Mr", "U.S", "J"; in a hyphenated word only the
// last part counts ("Iraq-U.N" as "U.N", "ex-Gov" as "Gov"). Known abbreviations match
// case-sensitively (and in capitals when three letters or more: "CORP"); a single capital
// letter of any script is an initial; letters in groups of one or two joined by periods
// ("U.S", "a.m", "Ph.D") are dotted abbreviations. Digits are never abbreviations here (the
// numbered-list case needs the line, see tokenize.cpp). O(word.size()).
AbbreviationKind abbreviation_kind(std::string_view word);

// "No" and "Nos" keep their period only before a number ("No. 10 Downing Street"); "No."
// on its own is the answer: "Is it over? No. Not yet."
bool needs_number_after(std::string_view word);

// Capitalised words that clearly open a sentence; after a kMayEnd abbreviation only these
// (or an opening quote or bracket) make a break: "the U.S. The talks" vs "the U.S. Senate".
bool is_sentence_opener(std::string_view word);

// Lower-case verbs that report speech ("said", "asked", "added"): '"Stop!" Trump said.' is
// one sentence although a capital follows the closing quote.
bool is_reporting_verb(std::string_view word);

}  // namespace newsgraph::tokenize_detail
