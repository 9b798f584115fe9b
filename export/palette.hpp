// The colours of node types and relation types, one palette for every format that draws
// (DOT/SVG/PNG, GEXF's viz:color, the PNG legend), so a Person looks the same everywhere.
// Colours are "#rrggbb" (ColorBrewer "Paired"); docs/output.md lists them.
#pragma once

#include "core/document.hpp"

namespace newsgraph::exporting {

const char* node_colour(EntityType type);
const char* relation_colour(RelationType type);

}  // namespace newsgraph::exporting
