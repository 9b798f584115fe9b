#include "export/gexf.hpp"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <catch2/catch.hpp>

#include "export/test_graph.hpp"

using namespace newsgraph;
using newsgraph::testing::TempDir;

namespace {

// libxml2's error callbacks are C varargs functions: keep the message format (enough to know
// what failed) in the string passed as context.
void collect_error(void* ctx, const char* msg, ...) { *static_cast<std::string*>(ctx) += msg; }
void ignore_warning(void*, const char*, ...) {}

// Validates `path` against the GEXF 1.3 RELAX NG grammar copied into schemas/gexf/ (its README
// says why RELAX NG and not the XSD); returns libxml2's messages, empty when valid.
std::string relaxng_errors(const std::string& path) {
  std::string errors;
  const std::string schema = std::string(NEWSGRAPH_SOURCE_DIR) + "/schemas/gexf/gexf.rng";
  xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt(schema.c_str());
  xmlRelaxNGPtr grammar = xmlRelaxNGParse(parser);
  xmlRelaxNGFreeParserCtxt(parser);
  if (!grammar) return "cannot load " + schema;
  xmlRelaxNGValidCtxtPtr validator = xmlRelaxNGNewValidCtxt(grammar);
  xmlRelaxNGSetValidErrors(validator, collect_error, ignore_warning, &errors);
  xmlDocPtr doc = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET);
  if (!doc) {
    errors = "not well-formed XML";
  } else if (xmlRelaxNGValidateDoc(validator, doc) != 0 && errors.empty()) {
    errors = "invalid";
  }
  if (doc) xmlFreeDoc(doc);
  xmlRelaxNGFreeValidCtxt(validator);
  xmlRelaxNGFree(grammar);
  return errors;
}

// XPath over the written file with the g: (GEXF) and viz: prefixes.
class Gexf {
 public:
  explicit Gexf(const std::string& path) : doc_(xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET)) {
    REQUIRE(doc_);
    ctx_ = xmlXPathNewContext(doc_);
    xmlXPathRegisterNs(ctx_, BAD_CAST "g", BAD_CAST "http://gexf.net/1.3");
    xmlXPathRegisterNs(ctx_, BAD_CAST "viz", BAD_CAST "http://gexf.net/1.3/viz");
  }
  ~Gexf() {
    xmlXPathFreeContext(ctx_);
    xmlFreeDoc(doc_);
  }
  std::string string(const std::string& xpath) { return eval("string(" + xpath + ")"); }
  double number(const std::string& xpath) { return std::stod(eval("count(" + xpath + ")")); }

 private:
  std::string eval(const std::string& xpath) {
    xmlXPathObjectPtr result = xmlXPathEvalExpression(BAD_CAST xpath.c_str(), ctx_);
    REQUIRE(result);
    xmlChar* text = xmlXPathCastToString(result);
    std::string out(reinterpret_cast<const char*>(text));
    xmlFree(text);
    xmlXPathFreeObject(result);
    return out;
  }
  xmlDocPtr doc_;
  xmlXPathContextPtr ctx_ = nullptr;
};

}  // namespace

TEST_CASE("write_gexf is valid against the GEXF 1.3 RELAX NG grammar, hostile strings too", "[export][gexf]") {
  for (const KnowledgeGraph& kg : {newsgraph::testing::simple_graph(), newsgraph::testing::nasty_graph()}) {
    TempDir dir;
    REQUIRE(write_gexf(kg, dir.file("graph.gexf")).is_ok());
    CHECK(relaxng_errors(dir.file("graph.gexf")) == "");
    Gexf gexf(dir.file("graph.gexf"));
    CHECK(gexf.number("//g:node") == boost::num_vertices(kg.graph));
    CHECK(gexf.number("//g:edge") == boost::num_edges(kg.graph));
  }
}

TEST_CASE("write_gexf keeps typed parallel edges apart and draws by type and degree", "[export][gexf]") {
  KnowledgeGraph kg = newsgraph::testing::simple_graph();
  TempDir dir;
  REQUIRE(write_gexf(kg, dir.file("graph.gexf")).is_ok());
  Gexf gexf(dir.file("graph.gexf"));
  CHECK(gexf.string("/g:gexf/g:graph/@mode") == "dynamic");
  CHECK(gexf.string("/g:gexf/g:graph/@timeformat") == "date");
  // Putin -> Witkoff (met-with, symmetric, stored lower id first) and Putin -> Kremlin
  // (represents): each edge has its relation as `kind`, met-with undirected.
  const std::string met = "//g:edge[@kind='met-with']";
  CHECK(gexf.string(met + "/@source") == "person:steve-witkoff");
  CHECK(gexf.string(met + "/@target") == "person:vladimir-putin");
  CHECK(gexf.string(met + "/@type") == "undirected");
  CHECK(gexf.string(met + "/@weight") == "2");
  CHECK(gexf.string(met + "/g:attvalues/g:attvalue[@for='status']/@value") == "held");
  CHECK(gexf.string("//g:edge[@kind='represents']/@type") == "directed");
  CHECK(gexf.string(met + "/viz:color/@r") == "227");  // #e31a1c
  // Colour by node type.
  const std::string putin = "//g:node[@id='person:vladimir-putin']";
  const std::string kremlin = "//g:node[@id='organization:kremlin']";
  CHECK(gexf.string(putin + "/viz:color/@r") == "166");  // #a6cee3
  CHECK(gexf.string(kremlin + "/viz:color/@g") == "223");  // #b2df8a
  // Size grows with degree: in the nasty graph 'place:long' has two edges, 'person:emoji' one.
  REQUIRE(write_gexf(newsgraph::testing::nasty_graph(), dir.file("nasty.gexf")).is_ok());
  Gexf nasty(dir.file("nasty.gexf"));
  CHECK(std::stod(nasty.string("//g:node[@id='place:long']/viz:size/@value")) >
        std::stod(nasty.string("//g:node[@id='person:emoji']/viz:size/@value")));
  CHECK(gexf.string(putin + "/g:attvalues/g:attvalue[@for='type']/@value") == "Person");
}

TEST_CASE("write_gexf spells come from article dates and event dates", "[export][gexf]") {
  KnowledgeGraph kg = newsgraph::testing::simple_graph();
  kg.graph[kg.index.at("event:moscow-talks-2025-08-06")].date = "2025-08-05T18:00:00Z";
  TempDir dir;
  REQUIRE(write_gexf(kg, dir.file("graph.gexf")).is_ok());
  CHECK(relaxng_errors(dir.file("graph.gexf")) == "");
  Gexf gexf(dir.file("graph.gexf"));
  // Witkoff is in a1 (2025-08-06) and a2 (2025-08-07): one spell per day.
  const std::string witkoff = "//g:node[@id='person:steve-witkoff']/g:spells/g:spell";
  CHECK(gexf.number(witkoff) == 2);
  CHECK(gexf.string(witkoff + "[1]/@start") == "2025-08-06");
  CHECK(gexf.string(witkoff + "[2]/@end") == "2025-08-07");
  // The event is on the timeline on its own day (from a date-time) and on its article's day.
  const std::string event = "//g:node[@id='event:moscow-talks-2025-08-06']/g:spells/g:spell";
  CHECK(gexf.number(event) == 2);
  CHECK(gexf.string(event + "[1]/@start") == "2025-08-05");
  // A month covers its days; an edge to the event is on the event's day too; an edge from a1
  // only is on a1's day only.
  CHECK(gexf.number("//g:edge[@kind='participated-in']/g:spells/g:spell") == 2);
  CHECK(gexf.number("//g:edge[@kind='represents']/g:spells/g:spell") == 1);
  kg.graph[kg.index.at("event:moscow-talks-2025-08-06")].date = "2024-02";
  REQUIRE(write_gexf(kg, dir.file("month.gexf")).is_ok());
  Gexf month(dir.file("month.gexf"));
  CHECK(month.string(event + "[1]/@start") == "2024-02-01");
  CHECK(month.string(event + "[1]/@end") == "2024-02-29");
}

TEST_CASE("write_gexf writes the same bytes twice and leaves nothing on failure", "[export][gexf]") {
  TempDir dir;
  REQUIRE(write_gexf(newsgraph::testing::nasty_graph(), dir.file("a.gexf")).is_ok());
  REQUIRE(write_gexf(newsgraph::testing::nasty_graph(), dir.file("b.gexf")).is_ok());
  CHECK(newsgraph::testing::read_bytes(dir.file("a.gexf")) == newsgraph::testing::read_bytes(dir.file("b.gexf")));
  const std::string path = dir.file("missing/graph.gexf");
  const Status s = write_gexf(newsgraph::testing::simple_graph(), path);
  REQUIRE_FALSE(s.is_ok());
  CHECK_THAT(s.message(), Catch::Contains(path));
  CHECK(dir.listing() == std::vector<std::string>{"a.gexf", "b.gexf"});
}
