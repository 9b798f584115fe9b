// See extraction_file.hpp. RapidJSON writes and reads the lines; strings round-trip exactly.
#include "pipeline/extraction_file.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>
#include <optional>

#include "ingest/ingest.hpp"
#include "pipeline/pipeline.hpp"

namespace newsgraph {
namespace {

constexpr const char* kFormatName = "newsgraph-extraction";
constexpr std::array kEntityTypes = {EntityType::Person, EntityType::Organization, EntityType::Place,
                                     EntityType::Event, EntityType::Misc};
constexpr std::array kRelationTypes = {RelationType::CoOccurs,       RelationType::MetWith,
                                       RelationType::Represents,     RelationType::Claimed,
                                       RelationType::ParticipatedIn, RelationType::LocatedIn};

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void put(Writer& writer, const char* key, std::string_view value) {
  writer.Key(key);
  writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void put(Writer& writer, const char* key, std::uint64_t value) {
  writer.Key(key);
  writer.Uint64(value);
}

void put(Writer& writer, const char* key, const std::vector<std::string>& values) {
  writer.Key(key);
  writer.StartArray();
  for (const std::string& value : values) writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  writer.EndArray();
}

// Reading: each getter records the first problem in `problem` and returns a default.
struct Reader {
  std::string problem;

  const rapidjson::Value* member(const rapidjson::Value& object, const char* key) {
    if (!object.IsObject()) {
      if (problem.empty()) problem = std::string("expected an object holding \"") + key + "\"";
      return nullptr;
    }
    const auto it = object.FindMember(key);
    if (it == object.MemberEnd()) {
      if (problem.empty()) problem = std::string("missing \"") + key + "\"";
      return nullptr;
    }
    return &it->value;
  }
  std::string string(const rapidjson::Value& object, const char* key) {
    const rapidjson::Value* value = member(object, key);
    if (value == nullptr) return {};
    if (!value->IsString()) {
      if (problem.empty()) problem = std::string("\"") + key + "\" is not a string";
      return {};
    }
    return std::string(value->GetString(), value->GetStringLength());
  }
  std::uint64_t number(const rapidjson::Value& object, const char* key) {
    const rapidjson::Value* value = member(object, key);
    if (value == nullptr) return 0;
    if (!value->IsUint64()) {
      if (problem.empty()) problem = std::string("\"") + key + "\" is not a non-negative integer";
      return 0;
    }
    return value->GetUint64();
  }
  std::vector<std::string> strings(const rapidjson::Value& object, const char* key) {
    std::vector<std::string> out;
    const rapidjson::Value* value = member(object, key);
    if (value == nullptr) return out;
    if (!value->IsArray()) {
      if (problem.empty()) problem = std::string("\"") + key + "\" is not an array";
      return out;
    }
    for (const auto& item : value->GetArray()) {
      if (!item.IsString()) {
        if (problem.empty()) problem = std::string("\"") + key + "\" holds a non-string";
        return out;
      }
      out.emplace_back(item.GetString(), item.GetStringLength());
    }
    return out;
  }
  const rapidjson::Value::ConstArray* array(const rapidjson::Value& object, const char* key,
                                            std::optional<rapidjson::Value::ConstArray>& holder) {
    const rapidjson::Value* value = member(object, key);
    if (value == nullptr) return nullptr;
    if (!value->IsArray()) {
      if (problem.empty()) problem = std::string("\"") + key + "\" is not an array";
      return nullptr;
    }
    holder.emplace(value->GetArray());
    return &*holder;
  }
};

std::optional<EntityType> entity_type(std::string_view name) {
  for (const EntityType type : kEntityTypes)
    if (to_string(type) == name) return type;
  return std::nullopt;
}

std::optional<RelationType> relation_type(std::string_view name) {
  for (const RelationType type : kRelationTypes)
    if (to_string(type) == name) return type;
  return std::nullopt;
}

// Parses one article line into `graph`; returns the problem, empty when the line is good.
std::string parse_article(const rapidjson::Value& json, ArticleGraph& graph, std::uint64_t& ordinal) {
  Reader in;
  graph.article_id = in.string(json, "article");
  graph.source = in.string(json, "source");
  ordinal = in.number(json, "ordinal");
  graph.title = in.string(json, "title");
  graph.date = in.string(json, "date");
  graph.url = in.string(json, "url");
  std::optional<rapidjson::Value::ConstArray> holder;
  if (const auto* entities = in.array(json, "entities", holder)) {
    for (const auto& item : *entities) {
      ArticleEntity entity;
      const std::string type = in.string(item, "type");
      if (const auto parsed = entity_type(type)) {
        entity.type = *parsed;
      } else if (in.problem.empty()) {
        in.problem = "unknown entity type '" + type + "'";
      }
      entity.name = in.string(item, "name");
      entity.aliases = in.strings(item, "aliases");
      const std::uint64_t mentions = in.number(item, "mentions");
      if (mentions > HeldEntity::kMaxMentions && in.problem.empty())
        in.problem = "mentions " + std::to_string(mentions) + " out of range (at most " +
                     std::to_string(HeldEntity::kMaxMentions) + ")";
      entity.mentions = static_cast<std::uint32_t>(mentions);
      entity.date = in.string(item, "date");
      entity.place = in.string(item, "place");
      entity.event_kind = in.string(item, "event_kind");
      entity.alias_rules = in.strings(item, "alias_rules");
      graph.entities.push_back(std::move(entity));
    }
  }
  if (const auto* relations = in.array(json, "relations", holder)) {
    for (const auto& item : *relations) {
      ArticleRelation rel;
      const std::string type = in.string(item, "type");
      if (const auto parsed = relation_type(type)) {
        rel.type = *parsed;
      } else if (in.problem.empty()) {
        in.problem = "unknown relation type '" + type + "'";
      }
      rel.source = static_cast<std::uint32_t>(in.number(item, "source"));
      rel.target = static_cast<std::uint32_t>(in.number(item, "target"));
      if (in.problem.empty() && (rel.source >= graph.entities.size() || rel.target >= graph.entities.size()))
        in.problem = "relation refers to entity " + std::to_string(std::max(rel.source, rel.target)) + " of " +
                     std::to_string(graph.entities.size());
      if (const rapidjson::Value* evidence = in.member(item, "evidence")) {
        rel.evidence.article_id = in.string(*evidence, "article");
        rel.evidence.sentence = static_cast<std::uint32_t>(in.number(*evidence, "sentence"));
        rel.evidence.begin = static_cast<std::uint32_t>(in.number(*evidence, "begin"));
        rel.evidence.end = static_cast<std::uint32_t>(in.number(*evidence, "end"));
        rel.evidence.sentence_text = in.string(*evidence, "text");
        rel.evidence.rule = in.string(*evidence, "rule");
      }
      rel.text = in.string(item, "text");
      rel.status = in.string(item, "status");
      graph.relations.push_back(std::move(rel));
    }
  }
  return in.problem;
}

// Parses one article line and adds it to `articles`; returns the problem (then nothing is
// added), empty when the line is good.
std::string add_article(const rapidjson::Value& json, HeldArticles& articles) {
  ArticleGraph graph;
  std::uint64_t ordinal = 0;
  std::string problem = parse_article(json, graph, ordinal);
  if (problem.empty()) articles.add(std::move(graph), ordinal);
  return problem;
}

}  // namespace

std::string add_extraction_line(std::string_view line, HeldArticles& articles) {
  rapidjson::Document json;
  json.Parse<rapidjson::kParseValidateEncodingFlag>(line.data(), line.size());
  if (json.HasParseError())
    return std::string("invalid JSON at byte ") + std::to_string(json.GetErrorOffset()) + ": " +
           rapidjson::GetParseError_En(json.GetParseError());
  return add_article(json, articles);
}

std::string extraction_header_line() {
  return std::string("{\"format\":\"") + kFormatName + "\",\"version\":" + std::to_string(kExtractionFormatVersion) +
         "}\n";
}

void append_extraction_line(const ArticleGraph& graph, std::uint64_t ordinal, std::string& out) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartObject();
  put(writer, "article", graph.article_id);
  put(writer, "source", graph.source);
  put(writer, "ordinal", ordinal);
  put(writer, "title", graph.title);
  put(writer, "date", graph.date);
  put(writer, "url", graph.url);
  writer.Key("entities");
  writer.StartArray();
  for (const ArticleEntity& entity : graph.entities) {
    writer.StartObject();
    put(writer, "type", to_string(entity.type));
    put(writer, "name", entity.name);
    put(writer, "aliases", entity.aliases);
    put(writer, "mentions", entity.mentions);
    put(writer, "date", entity.date);
    put(writer, "place", entity.place);
    put(writer, "event_kind", entity.event_kind);
    put(writer, "alias_rules", entity.alias_rules);
    writer.EndObject();
  }
  writer.EndArray();
  writer.Key("relations");
  writer.StartArray();
  for (const ArticleRelation& rel : graph.relations) {
    writer.StartObject();
    put(writer, "type", to_string(rel.type));
    put(writer, "source", rel.source);
    put(writer, "target", rel.target);
    writer.Key("evidence");
    writer.StartObject();
    put(writer, "article", rel.evidence.article_id);
    put(writer, "sentence", rel.evidence.sentence);
    put(writer, "begin", rel.evidence.begin);
    put(writer, "end", rel.evidence.end);
    put(writer, "text", rel.evidence.sentence_text);
    put(writer, "rule", rel.evidence.rule);
    writer.EndObject();
    put(writer, "text", rel.text);
    put(writer, "status", rel.status);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  out.append(buffer.GetString(), buffer.GetSize());
  out.push_back('\n');
}

void read_extraction_file(const std::string& path, ExtractionRead& read) {
  ingest::JsonlStream stream(path);
  ingest::JsonlChunk chunk;
  bool header_seen = false;
  while (stream.next(chunk, 1u << 20)) {
    std::size_t pos = 0;
    std::size_t line_number = chunk.lines_before;
    while (pos < chunk.bytes.size()) {
      ++line_number;
      std::size_t end = chunk.bytes.find('\n', pos);
      if (end == std::string::npos) end = chunk.bytes.size();
      const std::string_view line(chunk.bytes.data() + pos, end - pos);
      const std::uint64_t line_offset = chunk.offset + pos;
      pos = end + 1;
      if (line.find_first_not_of(" \t\r\f\v") == std::string_view::npos) continue;
      const std::string where = path + ":" + std::to_string(line_number);
      rapidjson::Document json;
      json.Parse<rapidjson::kParseValidateEncodingFlag>(line.data(), line.size());
      if (json.HasParseError()) {
        read.errors.push_back(where + ": invalid JSON at byte " + std::to_string(line_offset + json.GetErrorOffset()) +
                              ": " + rapidjson::GetParseError_En(json.GetParseError()));
        if (!header_seen) return;
        continue;
      }
      if (!header_seen) {
        const auto format = json.IsObject() ? json.FindMember("format") : json.MemberEnd();
        const auto version = json.IsObject() ? json.FindMember("version") : json.MemberEnd();
        if (!json.IsObject() || format == json.MemberEnd() || !format->value.IsString() ||
            std::string_view(format->value.GetString()) != kFormatName) {
          read.errors.push_back(where + ": not a newsgraph extraction file (written by `newsgraph extract`)");
          return;
        }
        if (version == json.MemberEnd() || !version->value.IsInt() || version->value.GetInt() > kExtractionFormatVersion) {
          read.errors.push_back(where + ": extraction format version newer than " +
                                std::to_string(kExtractionFormatVersion) + "; use a newer newsgraph");
          return;
        }
        header_seen = true;
        continue;
      }
      if (const std::string problem = add_article(json, read.articles); !problem.empty())
        read.errors.push_back(where + ": " + problem);
    }
  }
  if (!stream.error().empty()) read.errors.push_back(stream.error());
}

}  // namespace newsgraph
