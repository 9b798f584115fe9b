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

// Word-level facts of one token, as hashes (independent of the tags around it).
struct TokenInfo {
  std::uint64_t word = 0, lower = 0, shape = 0, flags = 0, amb = 0, amb_lower = 0;
  std::uint64_t pre[3] = {}, suf[4] = {};
  std::int32_t dict_tag = -1;
};

// What the lexicon says about a word form (hash of the form → class hash, dictionary tag).
struct LexiconHit {
  std::uint64_t class_hash = 0;
  std::int32_t dict_tag = -1;
};

inline std::uint64_t lexicon_key(std::string_view form) { return learn::hash_feature(kLexiconKey, form); }

// Fills `info` with kPad sentinels, one TokenInfo per word, kPad sentinels. `lookup` maps a
// lexicon key to a LexiconHit (class_hash 0 when absent).
template <typename Lookup>
void analyse(std::span<const std::string_view> words, const Lookup& lookup, std::vector<TokenInfo>& info,
             std::string& buffer, std::string& lower);

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

template <typename Lookup>
void analyse(std::span<const std::string_view> words, const Lookup& lookup, std::vector<TokenInfo>& info,
             std::string& buffer, std::string& lower) {
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
  }
}

}  // namespace newsgraph::pos::detail
