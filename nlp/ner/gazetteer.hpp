// Gazetteers: lists of known names (people, places, organisations, demonyms) with a type,
// matched against a sentence to give the tagger features. Built from Debian packages by
// scripts/build-gazetteers into data/gazetteers.tsv (format and sources: data/README.md);
// a trained NER model embeds its gazetteer, so one model file is enough at run time.
//
// Matching is case-insensitive (headlines are in capitals) on whitespace-separated tokens
// ("'s" and a trailing comma are split off entry names the way news tokenizers do), and a
// match must start and end on a token with an upper-case letter or a digit. For each type,
// the longest match is taken, left to right, without overlap; a type's matches are marked
// on their tokens B/I/L/U like entities.
//
// Thread safety: a loaded Gazetteer is immutable; const methods may run concurrently.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.hpp"
#include "nlp/ner/labels.hpp"

namespace newsgraph::ner {

// One type's match covering one token: the type's index in Gazetteer::type_names() and the
// token's place in the match.
struct GazetteerMark {
  std::uint32_t token;
  std::uint8_t type;
  Part part;
};

class Gazetteer {
 public:
  static constexpr int kMaxTypes = 16;
  static constexpr int kMaxPhraseTokens = 8;

  // Parses "name<TAB>type[<TAB>sources[<TAB>link]]" lines ('#' lines are comments).
  // `name` prefixes error messages. At most kMaxTypes distinct types.
  static Result<Gazetteer> parse(std::string_view tsv, std::string_view name);
  static Result<Gazetteer> load(const std::string& path);

  // The entries as "name<TAB>type<TAB><TAB>link" lines, sorted: parse() reads it back.
  // Sources are dropped (they are recorded in data/).
  std::string serialize() const;

  std::size_t num_entries() const { return entries_.size(); }
  // Type names, sorted ("LOC.city", "MISC.demonym", "PER.first", ...).
  const std::vector<std::string>& type_names() const { return type_names_; }

  // Appends the marks of `tokens` (one sentence) to `marks`, ordered by token then type.
  // `token_keys` are the tokens' key_of() values (computed once per token by the caller).
  void match(std::span<const std::string_view> tokens, std::span<const std::uint64_t> token_keys,
             std::vector<GazetteerMark>& marks) const;

  // The place a demonym belongs to ("Russian" -> "Russia"), or "" when `name` is not a
  // known demonym. Case-insensitive.
  std::string_view demonym_place(std::string_view name) const;

  // The case-insensitive hash of one token used by match().
  static std::uint64_t key_of(std::string_view token);

 private:
  // An entry: byte ranges of its name and link in text_.
  struct Entry {
    std::uint32_t name_begin, name_size;
    std::uint32_t link_begin, link_size;
    std::uint8_t type;
  };
  std::string_view name_of(const Entry& entry) const { return std::string_view(text_).substr(entry.name_begin, entry.name_size); }
  std::string_view link_of(const Entry& entry) const { return std::string_view(text_).substr(entry.link_begin, entry.link_size); }
  void index(const Entry& entry, std::uint32_t entry_index);
  std::uint32_t* find_or_insert(std::uint64_t key);
  const std::uint32_t* find(std::uint64_t key) const;

  std::string text_;  // the parsed text; entries point into it
  std::vector<std::string> type_names_;
  std::vector<Entry> entries_;  // sorted by (name, type), unique
  // Open addressing, phrase hash -> type bit mask; bit 31 set when the phrase is a proper
  // prefix of another. Key 0 marks an empty slot (a zero hash is stored as 1).
  std::vector<std::pair<std::uint64_t, std::uint32_t>> phrases_;
  std::size_t num_phrases_ = 0;
  std::unordered_map<std::uint64_t, std::uint32_t> demonyms_;  // phrase hash -> entries_ index
};

}  // namespace newsgraph::ner
