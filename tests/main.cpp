// The one test binary: every *_test.cpp of the tree links into it (see CMakeLists.txt).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
