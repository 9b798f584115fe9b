#include "export/nquads.hpp"

#include <cstdio>

#include "core/atomic_file.hpp"
#include "export/escape.hpp"
#include "export/rdf.hpp"

namespace newsgraph {
namespace exporting {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

void append_uchar(std::string& out, unsigned char c) {
  out += "\\u00";
  out += kHex[c >> 4];
  out += kHex[c & 0x0F];
}

}  // namespace

std::string nquads_string(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F)
          append_uchar(out, c);
        else
          out += ch;
    }
  }
  return out;
}

std::string nquads_iri(std::string_view iri) {
  std::string out;
  out.reserve(iri.size());
  for (const char ch : iri) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || std::string_view("<>\"{}|^`\\").find(ch) != std::string_view::npos)
      append_uchar(out, c);
    else
      out += ch;
  }
  return out;
}

std::string canonical_double(std::string_view digits) {
  std::string out(1, digits.empty() ? '0' : digits[0]);
  std::string_view fraction = digits.empty() ? std::string_view() : digits.substr(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  out += '.';
  out += fraction.empty() ? std::string_view("0") : fraction;
  out += 'E';
  out += decimal(digits.empty() ? 0 : digits.size() - 1);
  return out;
}

}  // namespace exporting

namespace {

// open + text + close, by appends (GCC 12 warns falsely, -Wrestrict, on "<" + std::string).
std::string enclosed(std::string_view open, std::string_view text, std::string_view close) {
  std::string out;
  out.reserve(open.size() + text.size() + close.size());
  out += open;
  out += text;
  out += close;
  return out;
}

// Writes the quads of one resource (and of the resources embedded in it) into `out`.
class QuadWriter {
 public:
  QuadWriter(std::string& out, const std::string& base) : out_(out), base_(base) {
    rdf_type_ = enclosed("<", rdf::expand("rdf:type", base), ">");
  }

  void resource(const rdf::Resource& resource) {
    const std::string subject = enclosed("<", exporting::nquads_iri(resource.iri), ">");
    quad(subject, rdf_type_, term_iri(*resource.type), resource.graph);
    for (const rdf::Property& property : resource.properties) {
      const std::string predicate = term_iri(*property.term);
      for (const rdf::Value& value : property.values) {
        const std::string object = value.kind == rdf::Value::Kind::Literal
                                       ? literal(value)
                                       : enclosed("<", exporting::nquads_iri(value.text), ">");
        if (value.graphs.empty()) {
          quad(subject, predicate, object, resource.graph);
        } else {
          for (const std::string& graph : value.graphs) quad(subject, predicate, object, graph);
        }
        if (value.kind == rdf::Value::Kind::Embedded) this->resource(resource.embedded[value.embedded]);
      }
    }
  }

 private:
  std::string term_iri(const rdf::Term& term) const {
    return enclosed("<", exporting::nquads_iri(rdf::expand(term.iri, base_)), ">");
  }

  // A literal typed as JSON-LD's toRdf types it: plain strings are xsd:string (written
  // without a datatype), doubles in canonical form.
  std::string literal(const rdf::Value& value) const {
    if (value.datatype.empty()) return enclosed("\"", exporting::nquads_string(value.text), "\"");
    const std::string text = value.datatype == "double" ? exporting::canonical_double(value.text) : value.text;
    std::string out = enclosed("\"", exporting::nquads_string(text), "\"^^<");
    out += rdf::expand("xsd:", base_);
    out += value.datatype;
    out += '>';
    return out;
  }

  void quad(const std::string& subject, const std::string& predicate, const std::string& object,
            const std::string& graph) {
    out_ += subject;
    out_ += ' ';
    out_ += predicate;
    out_ += ' ';
    out_ += object;
    if (!graph.empty()) {
      out_ += " <";
      out_ += exporting::nquads_iri(graph);
      out_ += '>';
    }
    out_ += " .\n";
  }

  std::string& out_;
  const std::string& base_;
  std::string rdf_type_;
};

}  // namespace

Status write_nquads(const KnowledgeGraph& kg, const std::string& path, const JsonLdOptions& options) {
  const Result<std::string> base = rdf::checked_base(options.base_iri, path);
  if (!base) return base.status();
  AtomicFile file;
  if (Status s = file.open(path); !s) return s;
  std::string chunk;
  QuadWriter writer(chunk, *base);
  Status status = Status::ok();
  rdf::for_each_resource(kg, *base, [&](const rdf::Resource& resource) {
    if (!status) return;
    writer.resource(resource);
    if (chunk.size() >= (1 << 16)) {
      status = file.write(chunk);
      chunk.clear();
    }
  });
  if (status) status = file.write(chunk);
  if (!status) return status;  // names the temp path; `file` removes it
  return file.commit();
}

}  // namespace newsgraph
