// Runs the newsgraph binary from end-to-end tests and captures what it printed.
#pragma once

#include <string>
#include <vector>

namespace newsgraph::testing {

struct CommandOutput {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `build/newsgraph ARGS...` (each argument shell-quoted) from the source folder, with
// stdin read from `stdin_path`.
CommandOutput run_newsgraph(const std::vector<std::string>& args, const std::string& stdin_path = "/dev/null");

// A fresh empty folder under the system temp folder, unique per call.
std::string make_temp_dir(const std::string& tag);

std::string read_file(const std::string& path);

// Node and edge identity of a GraphML file (id|label|type per node, source|target|type per
// edge, sorted), read with libxml2 — for comparing graphs whatever their attribute order.
struct GraphShape {
  std::vector<std::string> nodes;
  std::vector<std::string> edges;
};
GraphShape read_graph_shape(const std::string& graphml_path);

}  // namespace newsgraph::testing
