// newsgraph_export_sample OUTDIR: writes the hand-built test graphs of export/test_graph.hpp
// in every format, for ../shared/tools/check-exports and the interop checks of tests/interop/. Exit 1 when a write fails.
#include <cstdio>
#include <string>

#include "export/dot.hpp"
#include "export/gexf.hpp"
#include "export/graphml.hpp"
#include "export/jsonld.hpp"
#include "export/nquads.hpp"
#include "export/render.hpp"
#include "export/test_graph.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: newsgraph_export_sample OUTDIR\n");
    return 1;
  }
  const std::string dir = argv[1];
  int rc = 0;
  const auto check = [&rc](const newsgraph::Status& s) {
    if (!s) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      rc = 1;
    }
  };
  for (const auto& [name, kg] : {std::pair{"simple", newsgraph::testing::simple_graph()},
                                 std::pair{"nasty", newsgraph::testing::nasty_graph()}}) {
    const std::string stem = dir + "/" + name;
    check(newsgraph::write_graphml(kg, stem + ".graphml"));
    check(newsgraph::write_dot(kg, stem + ".dot"));
    check(newsgraph::write_jsonld(kg, stem + ".jsonld"));
    check(newsgraph::write_nquads(kg, stem + ".nq"));
    check(newsgraph::write_gexf(kg, stem + ".gexf"));
    check(newsgraph::render_svg(kg, stem + ".svg"));
    check(newsgraph::render_png(kg, stem + ".png"));
  }
  return rc;
}
