#include "export/palette.hpp"

namespace newsgraph::exporting {

const char* node_colour(EntityType type) {
  switch (type) {
    case EntityType::Person: return "#a6cee3";
    case EntityType::Organization: return "#b2df8a";
    case EntityType::Place: return "#fdbf6f";
    case EntityType::Event: return "#fb9a99";
    case EntityType::Misc: return "#d9d9d9";
  }
  return "#d9d9d9";
}

const char* relation_colour(RelationType type) {
  switch (type) {
    case RelationType::CoOccurs: return "#969696";
    case RelationType::MetWith: return "#e31a1c";
    case RelationType::Represents: return "#1f78b4";
    case RelationType::Claimed: return "#6a3d9a";
    case RelationType::ParticipatedIn: return "#33a02c";
    case RelationType::LocatedIn: return "#ff7f00";
  }
  return "#969696";
}

}  // namespace newsgraph::exporting
