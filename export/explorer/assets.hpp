// The explorer page's stylesheet and script (explorer.css, explorer.js beside this file),
// embedded into the binary at build time by embed.cmake; export/html.cpp inlines them into
// graph.html. The build fails if either holds text that would end its element early.
#pragma once

#include <string_view>

namespace newsgraph::explorer {

// Static storage; never empty once the build has embedded the files.
std::string_view stylesheet();
std::string_view script();

}  // namespace newsgraph::explorer
