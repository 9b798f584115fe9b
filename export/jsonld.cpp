#include "export/jsonld.hpp"

#include <rapidjson/filewritestream.h>
#include <rapidjson/prettywriter.h>

#include <cstdio>
#include <string_view>

#include "core/atomic_file.hpp"
#include "export/rdf.hpp"

namespace newsgraph {
namespace {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::FileWriteStream>;

// The JSON-LD writer over the shared RDF model (export/rdf.hpp): one compacted object per
// resource, with the terms of the inline @context as keys.
class Out {
 public:
  explicit Out(JsonWriter& writer) : w_(writer) {}

  void key(std::string_view k) { w_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
  void string(std::string_view s) { w_.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
  void begin_object() { w_.StartObject(); }
  void end_object() { w_.EndObject(); }
  void begin_array() { w_.StartArray(); }
  void end_array() { w_.EndArray(); }

  void context(const std::string& base) {
    key("@context");
    begin_object();
    for (const rdf::Prefix& prefix : rdf::prefixes()) {
      key(prefix.name);
      string(prefix.iri.empty() ? rdf::expand("kg:", base) : std::string(prefix.iri));
    }
    for (const rdf::Term& term : rdf::vocabulary()) {
      key(term.name);
      if (term.coercion == rdf::Coercion::None) {
        string(term.iri);
        continue;
      }
      begin_object();
      key("@id");
      string(term.iri);
      key("@type");
      const std::string_view datatype = rdf::coerced_datatype(term.coercion);
      string(datatype.empty() ? std::string("@id") : "xsd:" + std::string(datatype));
      end_object();
    }
    end_object();
  }

  void resource(const rdf::Resource& resource) {
    begin_object();
    key("@id");
    string(resource.iri);
    key("@type");
    string(resource.type->name);
    for (const rdf::Property& property : resource.properties) {
      key(property.term->name);
      if (property.list) begin_array();
      for (const rdf::Value& value : property.values) write_value(resource, *property.term, value);
      if (property.list) end_array();
    }
    end_object();
  }

 private:
  // A value as the term's coercion lets it be written: a bare IRI, a native number, boolean
  // or string; otherwise a value object {"@value": v[, "@type": "xsd:T"]} that overrides it.
  void write_value(const rdf::Resource& resource, const rdf::Term& term, const rdf::Value& value) {
    switch (value.kind) {
      case rdf::Value::Kind::Iri: string(value.text); return;
      case rdf::Value::Kind::Embedded: this->resource(resource.embedded[value.embedded]); return;
      case rdf::Value::Kind::Literal: break;
    }
    if (value.datatype == rdf::coerced_datatype(term.coercion) && term.coercion != rdf::Coercion::Id) {
      if (term.coercion == rdf::Coercion::Integer || term.coercion == rdf::Coercion::Double)
        w_.RawValue(value.text.data(), value.text.size(), rapidjson::kNumberType);
      else if (term.coercion == rdf::Coercion::Boolean)
        w_.Bool(value.text == "true");
      else
        string(value.text);
      return;
    }
    begin_object();
    key("@value");
    string(value.text);
    if (!value.datatype.empty()) {
      key("@type");
      string("xsd:" + std::string(value.datatype));
    }
    end_object();
  }

  JsonWriter& w_;
};

}  // namespace

Status write_jsonld(const KnowledgeGraph& kg, const std::string& path, const JsonLdOptions& options) {
  const Result<std::string> base = rdf::checked_base(options.base_iri, path);
  if (!base) return base.status();

  AtomicFile file;
  if (Status s = file.open(path); !s) return s;
  char buffer[1 << 16];
  rapidjson::FileWriteStream stream(file.file(), buffer, sizeof buffer);
  JsonWriter writer(stream);
  writer.SetIndent(' ', 1);
  Out out(writer);

  out.begin_object();
  out.context(*base);
  out.key("@graph");
  out.begin_array();
  rdf::for_each_resource(kg, *base, [&out](const rdf::Resource& resource) { out.resource(resource); });
  out.end_array();
  out.end_object();
  stream.Put('\n');
  stream.Flush();
  if (!writer.IsComplete() || std::ferror(file.file()))
    return Status::error(path + ": JSON-LD write failed (I/O error or disk full)");
  return file.commit();
}

}  // namespace newsgraph
