// encode_journal in resumable steps, one record per unit: an export of a large journal is prepared
// while the page keeps drawing, and can be dropped at any point. encode_journal runs this encoder to
// the end, so a stepped export and a one-shot one are the same bytes.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "core/journal.h"
#include "core/records.h"

namespace debrief {

class JournalEncoder {
public:
    // `journal` and `extras` must outlive the encoder and stay unchanged while it runs.
    JournalEncoder(const Journal& journal, const JournalExtras& extras, Timestamp exported_at);
    ~JournalEncoder();
    JournalEncoder(const JournalEncoder&) = delete;
    JournalEncoder& operator=(const JournalEncoder&) = delete;

    // Does at least one unit of work, then more while `more_time()` says there is time left.
    // Returns true while work remains.
    bool step(const std::function<bool()>& more_time);
    bool finished() const;
    std::size_t records_done() const;
    std::size_t records_total() const;
    // Once finished: the canonical text (as encode_journal writes it).
    std::string take_text();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

}  // namespace debrief
