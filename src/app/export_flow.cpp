// The stepped JSON export (see export_flow.h).
#include "app/export_flow.h"

#include "core/dates.h"
#include "serialization/journal_encoder.h"

#include <algorithm>
#include <cstdint>

namespace debrief {

// Encodes the journal as it is, without a copy of it (tens of MB for a large journal): an edit made
// between two steps starts the encoding again, so the file is the journal as it is when it is ready.
struct ExportFlow::Job {
    Job(const App& app, Timestamp at, std::string file_name)
        : now(at),
          name(std::move(file_name)),
          revision(app.revision()),
          extras_serial(app.extras_serial()),
          encoder(std::make_unique<JournalEncoder>(app.journal(), app.extras(), now)) {}

    Timestamp now;
    std::string name;
    std::uint64_t revision;
    int extras_serial;
    std::unique_ptr<JournalEncoder> encoder;
};

ExportFlow::ExportFlow() = default;
ExportFlow::~ExportFlow() = default;

void ExportFlow::start(App& app) {
    m_file.reset();
    // The clock is the App's environment's, as export_json's.
    const Timestamp now = app.env().now();
    m_job = std::make_unique<Job>(app, now, "debrief-" + format_date(app.env().today()) + ".json");
}

bool ExportFlow::step(const App& app, const std::function<bool()>& more_time) {
    if (!m_job) return false;
    if (app.revision() != m_job->revision || app.extras_serial() != m_job->extras_serial)
        m_job = std::make_unique<Job>(app, m_job->now, std::move(m_job->name));
    if (m_job->encoder->step(more_time)) return true;
    m_file = ExportFile{std::move(m_job->name), "application/json", m_job->encoder->take_text()};
    m_job.reset();
    return false;
}

bool ExportFlow::busy() const { return m_job != nullptr; }

std::optional<ExportProgress> ExportFlow::progress() const {
    if (!m_job) return std::nullopt;
    ExportProgress p;
    p.done = static_cast<long long>(m_job->encoder->records_done());
    p.total = static_cast<long long>(m_job->encoder->records_total());
    p.fraction = p.total > 0 ? std::clamp(static_cast<double>(p.done) / static_cast<double>(p.total), 0.0, 1.0) : 0.0;
    return p;
}

std::optional<ExportFile> ExportFlow::take_file() { return std::exchange(m_file, std::nullopt); }

void ExportFlow::cancel() {
    m_job.reset();
    m_file.reset();
}

}  // namespace debrief
