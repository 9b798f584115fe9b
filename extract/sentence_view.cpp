#include "extract/sentence_view.hpp"

#include <algorithm>

#include "extract/lexicon.hpp"
#include "extract/names.hpp"
#include "tokenize/normalize.hpp"

namespace newsgraph {

std::string_view SentenceView::pos(std::uint32_t token) const {
  return token < doc->pos.size() ? std::string_view(doc->pos[token]) : std::string_view();
}

std::int32_t SentenceView::head(std::uint32_t token) const {
  return token < doc->arcs.size() ? doc->arcs[token].head : -1;
}

std::string_view SentenceView::label(std::uint32_t token) const {
  return token < doc->arcs.size() ? std::string_view(doc->arcs[token].label) : std::string_view();
}

bool SentenceView::is_verb(std::uint32_t token) const {
  const std::string_view tag = pos(token);
  return tag.size() >= 2 && tag[0] == 'V' && tag[1] == 'B';
}

std::uint32_t SentenceView::span_head(std::uint32_t first_token, std::uint32_t end_token) const {
  for (std::uint32_t t = first_token; t < end_token; ++t) {
    const std::int32_t h = head(t);
    if (h < static_cast<std::int32_t>(first_token) || h >= static_cast<std::int32_t>(end_token)) return t;
  }
  return end_token - 1;
}

std::vector<std::uint32_t> SentenceView::deps_labelled(std::uint32_t token, std::string_view prefix) const {
  std::vector<std::uint32_t> out;
  for (std::uint32_t child : deps(token)) {
    const std::string_view l = label(child);
    if (l.substr(0, prefix.size()) == prefix && (l.size() == prefix.size() || l[prefix.size()] == ':'))
      out.push_back(child);
  }
  return out;
}

std::string_view SentenceView::case_word(std::uint32_t token) const {
  for (std::uint32_t child : deps(token))
    if (label(child) == "case") return word(child);
  // "with Ukrainian President Volodymyr Zelensky": the preposition may hang off a title.
  for (std::uint32_t t : subtree(token))
    if (t < token && label(t) == "case") return word(t);
  return {};
}

std::vector<std::uint32_t> SentenceView::subtree(std::uint32_t token) const {
  std::vector<std::uint32_t> out;
  std::vector<std::uint32_t> stack = {token};
  while (!stack.empty()) {
    const std::uint32_t t = stack.back();
    stack.pop_back();
    out.push_back(t);
    for (std::uint32_t child : deps(t)) stack.push_back(child);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::uint32_t> SentenceView::entities_in(const std::vector<std::uint32_t>& tokens) const {
  std::vector<std::uint32_t> out;
  for (std::uint32_t t : tokens) {
    const std::int32_t e = entity_at(t);
    if (e >= 0 && std::find(out.begin(), out.end(), static_cast<std::uint32_t>(e)) == out.end())
      out.push_back(static_cast<std::uint32_t>(e));
  }
  return out;
}

std::vector<std::uint32_t> SentenceView::with_conjuncts(std::uint32_t token) const {
  std::vector<std::uint32_t> out = {token};
  for (std::size_t i = 0; i < out.size(); ++i)
    for (std::uint32_t child : deps(out[i]))
      if (label(child) == "conj") out.push_back(child);
  return out;
}

std::vector<std::uint32_t> SentenceView::subjects(std::uint32_t verb) const {
  std::int32_t v = static_cast<std::int32_t>(verb);
  for (int depth = 0; v >= 0 && depth < 3; ++depth) {
    const std::uint32_t at = static_cast<std::uint32_t>(v);
    std::vector<std::uint32_t> found = deps_labelled(at, "nsubj");
    if (!found.empty()) return found;
    for (std::uint32_t child : deps(at))
      if (label(child).starts_with("obl") && case_word(child) == "according")
        for (std::uint32_t appos : deps_labelled(child, "appos"))
          if (entity_at(appos) >= 0) found.push_back(appos);
    if (!found.empty()) return found;
    const std::string_view relation = label(at);
    if (relation != "xcomp" && relation != "advcl" && relation != "conj") break;
    v = head(at);
  }
  return {};
}

std::string SentenceView::text(std::uint32_t first_token, std::uint32_t end_token) const {
  if (end_token <= first_token) return {};
  return std::string(doc->span_text(first_token, end_token));
}

SentenceView make_sentence_view(const Document& doc, std::uint32_t index, const std::vector<ArticleEntity>& entities,
                                const std::vector<EntityReference>& references, const NameLexicon& lexicon) {
  SentenceView view;
  view.doc = &doc;
  view.index = index;
  view.first = doc.sentences[index].first_token;
  view.end = doc.sentences[index].end_token;
  const std::size_t n = view.end - view.first;
  view.lower.resize(n);
  view.children.resize(n);
  view.entity.assign(n, -1);
  view.kind.assign(n, EntityReference::Kind::Name);
  view.demonym.assign(n, false);
  view.country.assign(n, -1);
  std::string buffer;
  for (std::uint32_t t = view.first; t < view.end; ++t) {
    std::string word(ptb_form(doc.token_text(t), buffer));
    for (char& c : word)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    view.lower[t - view.first] = std::move(word);
    const std::int32_t h = view.head(t);
    if (h >= static_cast<std::int32_t>(view.first) && h < static_cast<std::int32_t>(view.end))
      view.children[static_cast<std::uint32_t>(h) - view.first].push_back(t);
  }
  const auto first_ref = std::lower_bound(references.begin(), references.end(), view.first,
                                          [](const EntityReference& r, std::uint32_t t) { return r.end_token <= t; });
  for (auto it = first_ref; it != references.end() && it->first_token < view.end; ++it) {
    for (std::uint32_t t = std::max(it->first_token, view.first); t < std::min(it->end_token, view.end); ++t) {
      view.entity[t - view.first] = static_cast<std::int32_t>(it->entity);
      view.kind[t - view.first] = it->kind;
    }
  }
  // Demonyms ("Russian officials") stand for their country when the article names it.
  for (const Mention& mention : doc.mentions) {
    if (mention.type != EntityType::Misc || mention.first_token < view.first || mention.first_token >= view.end) continue;
    const std::string_view place = lexicon.demonym_place(name_key(doc.span_text(mention.first_token, mention.end_token)));
    if (place.empty()) continue;
    const std::string place_key = name_key(place);
    for (std::size_t e = 0; e < entities.size(); ++e) {
      if (entities[e].type != EntityType::Place) continue;
      const std::string entity_key = name_key(entities[e].name);
      const std::string_view canonical = lexicon.canonical_place(entity_key);
      if (entity_key == place_key || (!canonical.empty() && name_key(canonical) == place_key)) {
        for (std::uint32_t t = mention.first_token; t < mention.end_token && t < view.end; ++t) {
          view.country[t - view.first] = static_cast<std::int32_t>(e);
          if (view.entity[t - view.first] < 0) {
            view.entity[t - view.first] = static_cast<std::int32_t>(e);
            view.kind[t - view.first] = EntityReference::Kind::Nominal;
            view.demonym[t - view.first] = true;
          }
        }
        break;
      }
    }
  }
  return view;
}

}  // namespace newsgraph
