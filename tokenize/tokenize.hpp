// tokenize/: the second stage (design.md, "Stages"). Turns Document::article.text into tokens
// (byte ranges, the text is never rewritten) and sentences (token ranges), the way the
// CoNLL-2003 / Penn Treebank data our NER and POS models learn from was tokenised.
//
// Tokens
//   - Any Unicode White_Space (NBSP, thin and ideographic spaces included), the zero-width
//     space / word joiner / BOM, bidi marks and C0/C1 controls separate tokens and are
//     never inside one.
//   - A word is a run of letters (every script), digits, combining marks and '_', joined by
//     a connector when a word character follows it: '-' (also U+2010/U+2011), '/', '.',
//     '@', an apostrophe (' ’ ʼ, or ´ typed for one) before a letter, '&' after a letter,
//     ',' and ':' between digits, and an en dash between two word characters (ranges and
//     scores, "1990–1995"; a spaced en dash is a token of its own). So "German-born",
//     "Putin-Witkoff", "1996-08-22", "6-4", "5,000", "3.5", "27/11", "10:30", "S&P",
//     "O'Brien", "reuters.com" and "derivatives@reuters.com" are one token each.
//   - A hyphen glued to the end of a word stays with it unless another dash follows, as in
//     CoNLL-2003: "anti- terrorist", "three- and five-year", the rating "AA-"; so do plus
//     signs after a capital: "AA+", "C++". "word--word" → "word" "--" "word".
//   - A leading '+', '-' or U+2212 before a digit belongs to the number ("+44", "-5"),
//     as does a leading '.' (".500") and an apostrophe eliding a century ("'90s", "’96");
//     '#' and '@' before a word make a hashtag/handle.
//   - Clitics are split PTB-style, with the original bytes: "Trump's" → "Trump" "'s",
//     "Trump’s" → "Trump" "’s", "don't" → "do" "n't", "can't" → "ca" "n't"; also 're 've
//     'll 'd 'm in any case. "cannot" stays whole, as in CoNLL-2003.
//   - A final period is its own token unless the word is an abbreviation: one of the list
//     in word_lists.cpp ("Mr.", "Inc.", "etc.", "Jan."), a single capital initial
//     ("J."), dotted letters ("U.S.", "a.m.", "Ph.D."), or a number of 1-3 digits opening
//     a line ("1." in a numbered list). "No." keeps its period only before a number ("No. 10"
//     but "Is it over? No."). After such a period a hyphen or apostrophe may continue the
//     word: "U.S.-led", "U.S.'s" → "U.S." "'s". When the sentence ends on the abbreviation,
//     split_sentences() makes the period a token of its own, as CoNLL-2003 does.
//   - Currency: "$5" → "$" "5"; up to three capitals before the sign stay with it, as in
//     CoNLL-2003 ("US$5" → "US$" "5", "HK$ 10", "million NZ$"). "100%" → "100" "%".
//   - URLs starting with a scheme (http, https, ftp, mailto) or "www." are one token, less
//     trailing punctuation and unbalanced closing brackets.
//   - Everything else is one token per character, except: runs of '.' ("..."), '-' ("--"),
//     '*', '=' and '~'; the PTB quotes "``" and "''"; emoji sequences (modifiers,
//     variation selectors, ZWJ sequences, flag pairs). "…" is one token.
//
// Sentences (see split_sentences below)
//
// Limits: linear time in the text size, no recursion, no std::regex, no allocation per
// character (the output vectors grow amortised; split_sentences keeps one small list of
// sentence-final abbreviations). Thread safety: the functions keep no state; call them
// concurrently on different documents.
//
// Not handled: scripts written without spaces (Chinese, Japanese, Thai) come out as one
// token per run of letters; a missing space after a period ("ended.The") keeps both words
// in one token.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/document.hpp"

namespace newsgraph {

// A sentence longer than this many tokens is cut (see split_sentences); the default of
// `newsgraph build --max-sentence-tokens`. Long enough for any real news sentence; the cut
// keeps the NER and parser features bounded on run-on text such as tables and lists
// flattened by ingest/.
inline constexpr std::size_t kMaxSentenceTokens = 200;
// The smallest limit honoured (a smaller one is raised to it): a cut needs room for a
// sentence-final abbreviation whose period becomes a token of its own.
inline constexpr std::size_t kMinSentenceTokens = 8;

// Reads doc.article.text; replaces doc.tokens and doc.sentences. Every other field is left
// alone. Returns how many sentences were longer than `max_sentence_tokens` and cut (the
// caller warns). REQUIRES: doc.article.text.size() < 2^32 (Token offsets are 32-bit; ingest/
// enforces a far smaller article limit); throws std::length_error otherwise.
std::size_t tokenize(Document& doc, std::size_t max_sentence_tokens = kMaxSentenceTokens);

// The same on a bare string (tests, training tools): replaces `tokens`, then `sentences`.
// Offsets are into `text`. REQUIRES: as for tokenize().
std::size_t tokenize_text(std::string_view text, std::vector<Token>& tokens, std::vector<Sentence>& sentences,
                          std::size_t max_sentence_tokens = kMaxSentenceTokens);

// Replaces `tokens` with the tokens of `text` (the rules at the top of this file), before
// split_sentences() splits the period off sentence-final abbreviations.
void split_tokens(std::string_view text, std::vector<Token>& tokens);

// Replaces `sentences` with a partition of `tokens` (tokens of `text`) into sentences: every
// token in exactly one sentence, in order, no sentence empty. When a sentence ends with an
// abbreviation ("He joined Acme Inc." / "the U.S.\" He"), its period becomes a token of its
// own ("Inc" "."), as in CoNLL-2003, so `tokens` may grow. A sentence ends:
//   - at every line break (a blank line ends a paragraph; a single "\n" ends a headline,
//     a byline or a list item);
//   - after ". ! ? … ..." (and ‼ ⁇ ⁈ ⁉ and the Greek question mark ";"), together with the
//     closing quotes and brackets glued to them ('he said." Next' breaks after the quote),
//     when whitespace follows and the next token starts a sentence: an upper-case or
//     caseless letter, a digit, or an opening quote or bracket. Lower case: no break.
//     After '!' or '?' and a closing quote, a reporting verb among the next three tokens
//     keeps the quote in the sentence: '"What a disaster!" Trump said Tuesday.' is one.
//   - after an abbreviation only when it can end a sentence and the sentence clearly goes
//     on: titles and other abbreviations that precede something ("Mr.", "Dr.", "Gen.",
//     "St.", "No.", "vs.", "Jan."), single initials ("J. K. Rowling") and numbered items
//     never end a sentence ("I." is no initial here: "World War I. The"); the others
//     ("U.S.", "Inc.", "Corp.", "etc.", "a.m.", "Jr.") end one only before an opening
//     quote, or before a word from a closed list of sentence openers ("The", "He", "But",
//     "In", ...): "the U.S. The talks" breaks; "the U.S. President", "5 p.m. (0400 GMT)"
//     and "(U.S.) 6-4" do not. With a closing quote glued to the abbreviation
//     ('the U.S." He') it breaks as after a plain period.
//   - when it reaches `max_sentence_tokens` (at least kMinSentenceTokens): it is cut after
//     the last ';' among its last max_sentence_tokens / 2 tokens, else after the last ','
//     there, else hard at max_sentence_tokens tokens. Returns the number of sentences cut.
// Decimals ("3.5", ".500") are single tokens, so they never end a sentence.
// REQUIRES: `tokens` came from split_tokens(text).
std::size_t split_sentences(std::string_view text, std::vector<Token>& tokens, std::vector<Sentence>& sentences,
                            std::size_t max_sentence_tokens = kMaxSentenceTokens);

}  // namespace newsgraph
