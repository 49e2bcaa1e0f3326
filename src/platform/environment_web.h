// Time, local date and random UUIDs from the browser (the core never reads a clock itself).
#pragma once

#include "app/app.h"

namespace debrief::platform {

class WebEnvironment final : public Environment {
public:
    Timestamp now() override;
    Date today() override;
    std::string new_id() override;  // crypto.randomUUID(), or getRandomValues where it is missing
};

}  // namespace debrief::platform
