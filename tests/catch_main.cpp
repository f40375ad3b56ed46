// Catch2's main lives alone in this file so editing a test rebuilds in seconds.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
