// Exporting the journal as JSON in small steps: a large journal is prepared while the page keeps
// drawing a progress bar, and cancelling loses nothing (the journal is only read). The file is the
// journal as it is when the file is ready: an edit made meanwhile starts the encoding again.
#pragma once

#include "app/app.h"

#include <functional>
#include <memory>
#include <optional>

namespace debrief {

struct ExportProgress {
    long long done = 0;  // records written
    long long total = 0;
    double fraction = 0.0;
};

class ExportFlow {
public:
    ExportFlow();
    ~ExportFlow();
    ExportFlow(const ExportFlow&) = delete;
    ExportFlow& operator=(const ExportFlow&) = delete;

    // The work happens in step().
    void start(App& app);
    // Works until `more_time()` says the time slice is over (at least one unit); true while work remains.
    bool step(const App& app, const std::function<bool()>& more_time);
    bool busy() const;
    std::optional<ExportProgress> progress() const;
    // The finished file, once (App::export_json's file, byte for byte).
    std::optional<ExportFile> take_file();
    void cancel();

private:
    struct Job;
    std::unique_ptr<Job> m_job;
    std::optional<ExportFile> m_file;
};

}  // namespace debrief
