#include "tests/cli_runner.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace newsgraph::testing {
namespace fs = std::filesystem;

namespace {
std::string shell_quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) out += (c == '\'') ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string attribute(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string out = value ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return out;
}

bool named(xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && xmlStrcmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}
}  // namespace

std::string make_temp_dir(const std::string& tag) {
  static std::atomic<int> counter{0};
  const fs::path dir = fs::temp_directory_path() /
                       ("newsgraph-test-" + std::to_string(::getpid()) + "-" + tag + "-" + std::to_string(counter++));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

CommandOutput run_newsgraph(const std::vector<std::string>& args, const std::string& stdin_path) {
  const std::string dir = make_temp_dir("run");
  std::string command = "cd " + shell_quote(NEWSGRAPH_SOURCE_DIR) + " && " + shell_quote(NEWSGRAPH_BINARY_DIR "/newsgraph");
  for (const std::string& arg : args) command += " " + shell_quote(arg);
  command += " >" + shell_quote(dir + "/out") + " 2>" + shell_quote(dir + "/err") + " <" + shell_quote(stdin_path);
  const int status = std::system(command.c_str());
  CommandOutput output;
  output.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  output.out = read_file(dir + "/out");
  output.err = read_file(dir + "/err");
  fs::remove_all(dir);
  return output;
}

GraphShape read_graph_shape(const std::string& graphml_path) {
  GraphShape shape;
  xmlDoc* doc = xmlReadFile(graphml_path.c_str(), nullptr, XML_PARSE_NONET);
  if (!doc) return shape;
  xmlNode* root = xmlDocGetRootElement(doc);
  std::map<std::string, std::string> key_names;  // key id -> attr.name
  xmlNode* graph = nullptr;
  for (xmlNode* child = root->children; child; child = child->next) {
    if (named(child, "key")) key_names[attribute(child, "id")] = attribute(child, "attr.name");
    if (named(child, "graph")) graph = child;
  }
  const auto data = [&](xmlNode* element, const std::string& name) {
    for (xmlNode* d = element->children; d; d = d->next) {
      if (!named(d, "data") || key_names[attribute(d, "key")] != name) continue;
      xmlChar* text = xmlNodeGetContent(d);
      std::string value = text ? reinterpret_cast<const char*>(text) : "";
      xmlFree(text);
      return value;
    }
    return std::string();
  };
  for (xmlNode* child = graph ? graph->children : nullptr; child; child = child->next) {
    if (named(child, "node"))
      shape.nodes.push_back(attribute(child, "id") + "|" + data(child, "label") + "|" + data(child, "type"));
    if (named(child, "edge"))
      shape.edges.push_back(attribute(child, "source") + "|" + attribute(child, "target") + "|" + data(child, "type"));
  }
  xmlFreeDoc(doc);
  std::sort(shape.nodes.begin(), shape.nodes.end());
  std::sort(shape.edges.begin(), shape.edges.end());
  return shape;
}

}  // namespace newsgraph::testing
