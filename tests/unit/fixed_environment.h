// A deterministic Environment for tests: a clock that ticks one second per call, sequential ids.
#pragma once

#include "app/app.h"

#include <cstdio>
#include <string>

namespace debrief::test {

class FixedEnvironment final : public Environment {
public:
    Timestamp now() override { return {1795300000000 + (m_tick++) * 1000, 60}; }
    Date today() override { return m_today; }
    std::string new_id() override {
        char id[40];
        std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", ++m_next);
        return id;
    }
    Date m_today{2026, 11, 21};

private:
    long long m_tick = 0;
    int m_next = 0;
};

}  // namespace debrief::test
