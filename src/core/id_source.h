// Where new record ids come from: the caller supplies them so core stays free of randomness.
#pragma once

#include <functional>
#include <string>

namespace debrief {

// Returns a fresh, unique id (a UUID in the app; a counter in tests) each time it is called.
using IdSource = std::function<std::string()>;

}  // namespace debrief
