// Internal to nlp/pos: the tagger's feature extraction, shared by tagging and training.
// Changing anything here changes the model: bump kPosFeatureSet in pos_tagger.hpp.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "learn/features.hpp"

namespace newsgraph::pos::detail {

inline constexpr int kPad = 2;                  // sentinel tokens on each side
inline constexpr std::uint32_t kStartTag = 0xffff;  // "tag" before the first token
inline constexpr std::uint32_t kLexiconKey = 1;     // template id of lexicon keys
inline constexpr std::uint32_t kClassValue = 2;     // template id of ambiguity classes
inline constexpr std::uint32_t kWordNetKey = 3;     // template id of WordNet lexicon keys

// Word-level facts of one token, as hashes (independent of the tags around it).
struct TokenInfo {
  std::uint64_t word = 0, lower = 0, shape = 0, flags = 0, amb = 0, amb_lower = 0;
  std::uint64_t pre[3] = {}, suf[4] = {};
  std::uint64_t wn = 0;  // WordNet signature (wordnet_signature), hashed
  std::int32_t dict_tag = -1;
};

// What the lexicon says about a word form (hash of the form → class hash, dictionary tag).
struct LexiconHit {
  std::uint64_t class_hash = 0;
  std::int32_t dict_tag = -1;
};

inline std::uint64_t lexicon_key(std::string_view form) { return learn::hash_feature(kLexiconKey, form); }
inline std::uint64_t wordnet_key(std::string_view lower) { return learn::hash_feature(kWordNetKey, lower); }

// WordNet letters of a data/wordnet-pos.tsv line as bits: n v a r = 1 2 4 8 (lemma of that
// part of speech), N V A R = 16 32 64 128 (irregular inflection of one). 0 for none.
std::uint8_t wordnet_bits(std::string_view letters);

// What WordNet says about a lower-case form: its own bits (low 8 bits), and which regular
// inflection rules (WordNet's "morphy" detachments) lead to a lemma of the right part of
// speech: bit 8 noun plural (-s, -es, -ies, -men), 9 verb -s, 10 verb -ed, 11 verb -ing,
// 12 adjective -er, 13 adjective -est. `wordnet` maps wordnet_key(form) to its bits (0 when
// absent). 0 when the form is not in WordNet at all.
template <typename WordNet>
std::uint32_t wordnet_signature(std::string_view lower, const WordNet& wordnet, std::string& base) {
  std::uint32_t sig = wordnet(wordnet_key(lower));
  struct Rule {
    std::string_view suffix, ending;
    std::uint8_t pos_bit;
    std::uint32_t flag;
  };
  static constexpr Rule kRules[] = {
      {"s", "", 1, 1u << 8},    {"ses", "s", 1, 1u << 8}, {"xes", "x", 1, 1u << 8}, {"zes", "z", 1, 1u << 8},
      {"ches", "ch", 1, 1u << 8}, {"shes", "sh", 1, 1u << 8}, {"men", "man", 1, 1u << 8}, {"ies", "y", 1, 1u << 8},
      {"s", "", 2, 1u << 9},    {"ies", "y", 2, 1u << 9}, {"es", "e", 2, 1u << 9},  {"es", "", 2, 1u << 9},
      {"ed", "e", 2, 1u << 10}, {"ed", "", 2, 1u << 10},  {"ing", "e", 2, 1u << 11}, {"ing", "", 2, 1u << 11},
      {"er", "", 4, 1u << 12},  {"er", "e", 4, 1u << 12}, {"est", "", 4, 1u << 13}, {"est", "e", 4, 1u << 13},
  };
  for (const Rule& rule : kRules) {
    if ((sig & rule.flag) != 0 || lower.size() < rule.suffix.size() + 2 || !lower.ends_with(rule.suffix)) continue;
    base.assign(lower.substr(0, lower.size() - rule.suffix.size()));
    base += rule.ending;
    if ((wordnet(wordnet_key(base)) & rule.pos_bit) != 0) sig |= rule.flag;
  }
  return sig;
}

// Fills `info` with kPad sentinels, one TokenInfo per word, kPad sentinels. `lookup` maps a
// lexicon key to a LexiconHit (class_hash 0 when absent).
// `wordnet` as for wordnet_signature().
template <typename Lookup, typename WordNet>
void analyse(std::span<const std::string_view> words, const Lookup& lookup, const WordNet& wordnet,
             std::vector<TokenInfo>& info, std::string& buffer, std::string& lower);

// Appends the features of token i (0-based, unpadded) given the previous two tags.
void features(const std::vector<TokenInfo>& info, std::size_t i, std::uint32_t prev1, std::uint32_t prev2,
              std::vector<std::uint64_t>& out);

// Appends the second pass's features of token i: the first pass's tags of the next two
// tokens (kStartTag past the end), alone and with the previous tag and the word.
void right_features(const std::vector<TokenInfo>& info, std::size_t i, std::uint32_t prev1, std::uint32_t right1,
                    std::uint32_t right2, std::vector<std::uint64_t>& out);

// One token's TokenInfo except the lexicon fields.
void analyse_token(std::string_view form, bool first, TokenInfo& info, std::string& lower);
const TokenInfo& start_sentinel();
const TokenInfo& end_sentinel();

std::string_view normalise(std::string_view word, std::string& buffer);

template <typename Lookup, typename WordNet>
void analyse(std::span<const std::string_view> words, const Lookup& lookup, const WordNet& wordnet,
             std::vector<TokenInfo>& info, std::string& buffer, std::string& lower) {
  std::string base;
  info.resize(words.size() + 2 * kPad);
  for (int k = 0; k < kPad; ++k) {
    info[static_cast<std::size_t>(k)] = start_sentinel();
    info[words.size() + kPad + static_cast<std::size_t>(k)] = end_sentinel();
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    TokenInfo& token = info[i + kPad];
    const std::string_view form = normalise(words[i], buffer);
    analyse_token(form, i == 0, token, lower);
    const LexiconHit hit = lookup(lexicon_key(form));
    const LexiconHit lower_hit = lower != form ? lookup(lexicon_key(lower)) : hit;
    token.amb = hit.class_hash != 0 ? hit.class_hash : lower_hit.class_hash;
    token.amb_lower = lower_hit.class_hash;
    token.dict_tag = hit.dict_tag;
    const std::uint32_t sig = wordnet_signature(lower, wordnet, base);
    token.wn = learn::hash_feature(kWordNetKey + 1, std::uint64_t{sig} | (form != lower ? 1u << 16 : 0u));
  }
}

}  // namespace newsgraph::pos::detail
