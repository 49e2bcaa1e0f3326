// The loop every resumable job shares (the stepped decode's siblings: encoder, previewer, merger,
// the people walks): one unit of work at least, then more while the caller says there is time.
#pragma once

#include <functional>

namespace debrief {

// `work` has a `done` flag and a `unit()` that does one piece. Returns true while work remains.
template <class Work>
bool run_units(Work& work, const std::function<bool()>& more_time) {
    if (work.done) return false;
    do work.unit();
    while (!work.done && more_time());
    return !work.done;
}

}  // namespace debrief
