// Escaping proved end to end (issue 9): hostile strings go in through the CLI, as article
// ids, titles, urls and inside the evidence sentences (and, where the tokenizer keeps them
// in a word, inside names), and every export must still parse: GraphML valid against the
// XSD (xmllint), DOT read by Graphviz without a warning, JSON-LD parsed by RapidJSON with
// the strings intact. The outputs stay in build/escaping-table/ for check-exports (.ci/run).
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/cli_runner.hpp"

using namespace newsgraph::testing;
namespace fs = std::filesystem;

namespace {

struct HostileString {
  std::string name;
  std::string json;      // as written inside a JSON string (escapes allowed)
  std::string expected;  // a UTF-8 fragment that must reach the JSON-LD evidence intact ("" = none)
};

// A JSON string body for text with no escapes needed.
std::string long_token() { return "Zq" + std::string(9998, 'x'); }

std::vector<HostileString> hostile_strings() {
  return {
      {"XML-forbidden controls", "bell\\u0007 nul\\u0000 esc\\u001b del\\u007f c1\\u0085 \\ufffe", "bell"},
      {"CDATA end", "a ]]> b <![CDATA[ c", "a ]]> b <![CDATA[ c"},
      {"quotes", "double \\\" single ' backtick ` guillemets \u00ab\u00bb", "double \" single '"},
      {"backslashes", "back\\\\slash \\\\\\\\ two \\\\n not-a-newline \\\\\\\"", "back\\slash \\\\ two \\n"},
      {"newlines and tabs", "line one\\nline two\\r\\nline three\\tcolumn", "line two"},
      {"DOT braces and angles", "{ graph } <b>html</b> -> -- [label=x]; digraph {", "<b>html</b> -> --"},
      {"lone surrogates", "lone \\ud800 high, lone \\udc00 low, pair \\ud83d\\ude00", "pair \xF0\x9F\x98\x80"},
      {"RTL marks", "\u200f\u202eevil\u202c \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627", "\u05e9\u05dc\u05d5\u05dd"},
      {"emoji", "\xF0\x9F\x87\xBA\xF0\x9F\x87\xA6 \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",
       "\xF0\x9F\x87\xBA\xF0\x9F\x87\xA6"},
      {"10,000-character token", long_token(), long_token()},
      {"percent and IRI breakers", "100% <a href=\\\"x\\\"> |^`{} #frag ?q=1&b=2 %zz", "100% <a href=\"x\">"},
      {"XML entities", "&amp; &lt; &#0; &#x1F600; &bogus; <!-- c --> <?pi?>", "&amp; &lt; &#0;"},
  };
}

// One article per hostile string: the string as id, in the title and url, and in
// sentences around a meeting the models find, so that it lands in the evidence.
std::string article_line(const HostileString& h, std::size_t row) {
  const std::string s = h.json;
  return "{\"id\": \"" + s + " #" + std::to_string(row) + "\", \"title\": \"Talks " + s + "\", \"url\": \"https://example.com/" +
         s + "\", \"text\": \"Steve Witkoff met Vladimir Putin in Moscow on Tuesday, " + s +
         " officials said.\\n\\nWitkoff said the talks with Putin were useful (" + s + ").\\n\\nPresident " + s +
         " Okonkwo met Angela Merkel in Berlin.\"}\n";
}

// Runs `command` through the shell; returns its exit status and what it printed.
std::pair<int, std::string> shell(const std::string& command, const std::string& dir) {
  const std::string log = dir + "/shell.log";
  const int status = std::system((command + " >'" + log + "' 2>&1").c_str());
  return {status, read_file(log)};
}

void collect_strings(const rapidjson::Value& value, std::string& out) {
  if (value.IsString()) {
    out.append(value.GetString(), value.GetStringLength());
    out += '\n';
  } else if (value.IsArray()) {
    for (const auto& item : value.GetArray()) collect_strings(item, out);
  } else if (value.IsObject()) {
    for (const auto& member : value.GetObject()) collect_strings(member.value, out);
  }
}

}  // namespace

TEST_CASE("hostile strings in ids, titles, urls, names and evidence: every export still parses", "[e2e][escaping]") {
  const std::string dir = std::string(NEWSGRAPH_BINARY_DIR) + "/escaping-table";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::vector<HostileString> table = hostile_strings();
  {
    std::ofstream input(dir + "/hostile.jsonl", std::ios::binary);
    for (std::size_t row = 0; row < table.size(); ++row) input << article_line(table[row], row);
  }
  const CommandOutput run = run_newsgraph({"build", "-o", dir, "--format", "graphml,dot,jsonld,svg", "--quiet",
                                          "--explain-edges", dir + "/edges.txt", dir + "/hostile.jsonl"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);  // every line read: repairs are warnings, not rejections
  CHECK(run.err.find("hostile.jsonl:7: 12 lone UTF-16 surrogate escapes replaced by \\ufffd") != std::string::npos);

  SECTION("GraphML is valid against the GraphML XSD (xmllint)") {
    const auto [status, log] = shell("xmllint --noout --nonet --schema '" + std::string(NEWSGRAPH_SOURCE_DIR) +
                                         "/schemas/graphml/graphml.xsd' '" + dir + "/graph.graphml'",
                                     dir);
    INFO(log);
    CHECK(status == 0);
  }
  SECTION("DOT is read by Graphviz without a single warning") {
    const auto [status, log] = shell("dot -Tsvg -o /dev/null '" + dir + "/graph.dot'", dir);
    INFO(log);
    CHECK(status == 0);
    CHECK(log.empty());
  }
  SECTION("the SVG is well-formed XML") {
    const auto [status, log] = shell("xmllint --noout --nonet '" + dir + "/graph.svg'", dir);
    INFO(log);
    CHECK(status == 0);
  }
  SECTION("JSON-LD parses, and each string reaches it intact") {
    const std::string text = read_file(dir + "/graph.jsonld");
    rapidjson::Document json;
    json.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
    REQUIRE_FALSE(json.HasParseError());
    std::string strings;
    collect_strings(json, strings);
    for (const HostileString& h : table) {
      INFO(h.name);
      if (!h.expected.empty()) CHECK(strings.find(h.expected) != std::string::npos);
    }
    // Nothing XML or RDF cannot carry survives anywhere.
    for (const std::string forbidden : {std::string("\x07"), std::string(1, '\0'), std::string("\x1b"),
                                        std::string("\xEF\xBF\xBE"), std::string("\xC2\x85")}) {
      CHECK(text.find(forbidden) == std::string::npos);
    }
  }
}
