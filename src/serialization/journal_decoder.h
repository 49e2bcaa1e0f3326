// decode_journal in resumable steps: the page keeps drawing while a large journal is read, and the
// work can be dropped at any point (nothing outside the decoder has changed). decode_journal itself
// runs this decoder to the end, so a stepped decode and a one-shot one are the same code.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/format.h"
#include "core/result.h"
#include "serialization/journal_json.h"

namespace debrief {

class JournalDecoder {
public:
    // `text` must outlive the decoder and stay unchanged: the tree the later steps read views it.
    explicit JournalDecoder(std::string_view text, const DecodeLimits& limits = {});
    ~JournalDecoder();
    JournalDecoder(const JournalDecoder&) = delete;
    JournalDecoder& operator=(const JournalDecoder&) = delete;

    enum class Stage {
        parse,    // checking bytes and JSON syntax: one piece, the whole text at once
        header,   // format, version, migration, settings
        records,  // one record per unit of work
        done,
    };

    // Does at least one unit of work, then more while `more_time()` says there is time left.
    // Returns true while work remains. A unit is the parse, the header, or one record.
    bool step(const std::function<bool()>& more_time);
    bool finished() const;

    Stage stage() const;
    // Records decoded so far and all the records of the file (known once parsed; 0 before).
    std::size_t records_done() const;
    std::size_t records_total() const;

    // Once finished: the decoded journal or the first error, exactly as decode_journal gives them.
    Result<DecodedJournal> take_result();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

}  // namespace debrief
