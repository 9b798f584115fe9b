#include "core/document.hpp"

namespace newsgraph {

std::string_view to_string(EntityType type) {
  switch (type) {
    case EntityType::Person: return "Person";
    case EntityType::Organization: return "Organization";
    case EntityType::Place: return "Place";
    case EntityType::Event: return "Event";
    case EntityType::Misc: return "Misc";
  }
  return "Misc";
}

std::string_view id_prefix(EntityType type) {
  switch (type) {
    case EntityType::Person: return "person";
    case EntityType::Organization: return "organization";
    case EntityType::Place: return "place";
    case EntityType::Event: return "event";
    case EntityType::Misc: return "misc";
  }
  return "misc";
}

std::string_view to_string(RelationType type) {
  switch (type) {
    case RelationType::CoOccurs: return "co-occurs";
    case RelationType::MetWith: return "met-with";
    case RelationType::Represents: return "represents";
    case RelationType::Claimed: return "claimed";
    case RelationType::ParticipatedIn: return "participated-in";
    case RelationType::LocatedIn: return "located-in";
  }
  return "co-occurs";
}

bool is_symmetric(RelationType type) {
  return type == RelationType::MetWith || type == RelationType::CoOccurs;
}

}  // namespace newsgraph
