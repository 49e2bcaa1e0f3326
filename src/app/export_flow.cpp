// The stepped JSON export (see export_flow.h).
#include "app/export_flow.h"

#include "core/dates.h"
#include "serialization/journal_encoder.h"

#include <algorithm>

namespace debrief {

struct ExportFlow::Job {
    Job(const App& app, Timestamp now, Date today)
        : journal(app.journal()),
          extras(app.extras()),
          name("debrief-" + format_date(today) + ".json"),
          encoder(journal, extras, now) {}

    Journal journal;  // the copy being written: later edits wait for the next export
    JournalExtras extras;
    std::string name;
    JournalEncoder encoder;
};

ExportFlow::ExportFlow() = default;
ExportFlow::~ExportFlow() = default;

void ExportFlow::start(App& app) {
    m_file.reset();
    // The clock is the App's environment's, as export_json's.
    m_job = std::make_unique<Job>(app, app.env().now(), app.env().today());
}

bool ExportFlow::step(const std::function<bool()>& more_time) {
    if (!m_job) return false;
    if (m_job->encoder.step(more_time)) return true;
    m_file = ExportFile{std::move(m_job->name), "application/json", m_job->encoder.take_text()};
    m_job.reset();
    return false;
}

bool ExportFlow::busy() const { return m_job != nullptr; }

std::optional<ExportProgress> ExportFlow::progress() const {
    if (!m_job) return std::nullopt;
    ExportProgress p;
    p.done = static_cast<long long>(m_job->encoder.records_done());
    p.total = static_cast<long long>(m_job->encoder.records_total());
    p.fraction = p.total > 0 ? std::clamp(static_cast<double>(p.done) / static_cast<double>(p.total), 0.0, 1.0) : 0.0;
    return p;
}

std::optional<ExportFile> ExportFlow::take_file() { return std::exchange(m_file, std::nullopt); }

void ExportFlow::cancel() {
    m_job.reset();
    m_file.reset();
}

}  // namespace debrief
