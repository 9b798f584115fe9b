// SHA-256 (FIPS 180-4), for recording which training data a model was built from.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "core/status.hpp"

namespace newsgraph::learn {

// Lower-case hex digest of `bytes` (64 characters).
std::string sha256_hex(std::string_view bytes);

// Lower-case hex digest of the file at `path`; errors name the path.
Result<std::string> sha256_file(const std::string& path);

}  // namespace newsgraph::learn
