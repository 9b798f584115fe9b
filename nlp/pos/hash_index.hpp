// Internal to nlp/pos: a table from 64-bit feature hashes to small values, for the tagger's
// lexicons. Open addressing with linear probing in one flat array: a look-up costs about
// one cache miss where std::unordered_map costs two or three, and the tagger looks up every
// token in two or three lexicons (issue 8). Keys are hashes already (learn::hash_feature),
// so their low bits pick the slot.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace newsgraph::pos::detail {

template <typename V>
class HashIndex {
 public:
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() {
    slots_.clear();
    size_ = 0;
  }
  // Room for n keys without growing.
  void reserve(std::size_t n) {
    std::size_t capacity = 16;
    while (capacity < 2 * n) capacity *= 2;
    if (capacity > slots_.size()) rehash(capacity);
  }
  // The value of `key`, inserted value-initialised when absent.
  V& operator[](std::uint64_t key) {
    if (2 * (size_ + 1) > slots_.size()) rehash(std::max<std::size_t>(16, 2 * slots_.size()));
    Slot& slot = slots_[position(key)];
    if (!slot.used) {
      slot = Slot{key, V{}, true};
      ++size_;
    }
    return slot.value;
  }
  // The value of `key`, or nullptr.
  const V* find(std::uint64_t key) const {
    if (slots_.empty()) return nullptr;
    const Slot& slot = slots_[position(key)];
    return slot.used ? &slot.value : nullptr;
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    V value{};
    bool used = false;
  };
  // The slot holding `key`, or the free slot where it would go (the table is never full).
  std::size_t position(std::uint64_t key) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = static_cast<std::size_t>(key) & mask;
    while (slots_[i].used && slots_[i].key != key) i = (i + 1) & mask;
    return i;
  }
  void rehash(std::size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    for (const Slot& slot : old)
      if (slot.used) slots_[position(slot.key)] = slot;
  }

  std::vector<Slot> slots_;  // power-of-two size, at most half full
  std::size_t size_ = 0;
};

}  // namespace newsgraph::pos::detail
