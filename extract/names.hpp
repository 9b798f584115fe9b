// Name keys: the normalised form under which two surface forms count as the same name.
// Used within an article (extract/) and across articles (merge/).
#pragma once

#include <string>
#include <string_view>

namespace newsgraph {

// NFKD with combining marks removed, case-folded, curly apostrophes straightened, a final
// possessive "'s" and a leading "the " dropped, punctuation other than inner hyphens and
// periods turned to spaces, spaces collapsed. "The Kremlin’s" -> "kremlin"; "Zelenskyy" stays.
// Thread-safe.
std::string name_key(std::string_view name);

// An id-safe slug (XML NMTOKEN characters only): transliterated to ASCII through ICU
// ("Any-Latin; Latin-ASCII"), lower case, runs of anything but [a-z0-9] turned into one '-'.
// "Steve Witkoff" -> "steve-witkoff"; "Ουκρανία" -> "oukrania". Never empty ("x" at worst).
// Not thread-safe (shares one ICU transliterator); call from one thread.
std::string name_slug(std::string_view name);

}  // namespace newsgraph
