// Import: decode (never throws), preview, then one atomic swap of the whole journal.
#include "app/import_flow.h"

#include "core/i18n.h"
#include "serialization/journal_decoder.h"
#include "serialization/journal_import.h"
#include "serialization/journal_json.h"

#include <algorithm>
#include <cstdint>

namespace debrief {

namespace {

// How much of the bar each phase fills. Reading and checking records take most of the time for a
// large file (measured on the 10,000-reflection journal); the parse is one piece, so it is one jump.
constexpr double reading_share = 0.2;
constexpr double parsing_share = 0.15;
constexpr double checking_share = 0.45;
constexpr double comparing_share = 0.2;

double share_of(long long done, long long total) {
    if (total <= 0) return 0.0;
    return std::clamp(static_cast<double>(done) / static_cast<double>(total), 0.0, 1.0);
}

}  // namespace

// The import in progress. The text is kept only until it is decoded.
struct ImportFlow::Job {
    std::string file_name;
    ImportProgress::Phase phase = ImportProgress::Phase::reading;
    long long bytes_done = 0;
    long long bytes_total = 0;
    std::string text;
    std::unique_ptr<JournalDecoder> decoder;
    std::optional<DecodedJournal> decoded;
    // The journal as it was when the comparison began: edits made meanwhile cannot pull records from
    // under it (the merge itself reads the journal as it is when applied).
    std::optional<Journal> current;
    std::unique_ptr<ImportPreviewer> previewer;
};

// A merge in steps, against the journal as it is: started again if the journal changes meanwhile.
struct ImportFlow::MergeJob {
    std::unique_ptr<ImportMerger> merger;
    std::uint64_t revision = 0;
    int extras_serial = 0;
};

ImportFlow::ImportFlow() = default;
ImportFlow::~ImportFlow() = default;

void ImportFlow::receive(App& app, const std::string& file_name, std::string_view bytes) {
    start(file_name, std::string(bytes));
    while (step(app, [] { return true; })) {
    }
}

int ImportFlow::begin_reading(std::string file_name, long long total_bytes) {
    cancel();
    m_job = std::make_unique<Job>();
    m_job->file_name = std::move(file_name);
    m_job->bytes_total = std::max(0LL, total_bytes);
    return ++m_read_serial;
}

bool ImportFlow::still_reading(int serial) const {
    return serial == m_read_serial && m_job && m_job->phase == ImportProgress::Phase::reading;
}

void ImportFlow::reading_progress(long long done_bytes) {
    if (!m_job || m_job->phase != ImportProgress::Phase::reading) return;
    // Monotonic: a late report never moves the bar back.
    m_job->bytes_done = std::clamp(done_bytes, m_job->bytes_done, std::max(m_job->bytes_total, done_bytes));
}

void ImportFlow::start(std::string file_name, std::string text) {
    m_pending.reset();
    m_error.clear();
    if (!m_job) m_job = std::make_unique<Job>();
    m_job->file_name = std::move(file_name);
    m_job->bytes_total = static_cast<long long>(text.size());
    m_job->bytes_done = m_job->bytes_total;
    m_job->text = std::move(text);
    m_job->decoder = std::make_unique<JournalDecoder>(m_job->text);
    m_job->phase = ImportProgress::Phase::parsing;
}

bool ImportFlow::step(App& app, const std::function<bool()>& more_time) {
    if (m_merge) {
        if (app.revision() != m_merge->revision || app.extras_serial() != m_merge->extras_serial) {
            begin_apply(app, Mode::merge);  // the journal changed under it: merge what is there now
            if (!m_merge) return false;
        }
        if (m_merge->merger->step(more_time)) return true;
        finish_merge(app);
        return false;
    }
    if (!m_job || m_job->phase == ImportProgress::Phase::reading) return false;
    Job& job = *m_job;
    if (job.phase == ImportProgress::Phase::parsing || job.phase == ImportProgress::Phase::checking) {
        const bool more = job.decoder->step(more_time);
        if (job.decoder->stage() == JournalDecoder::Stage::records) job.phase = ImportProgress::Phase::checking;
        if (more) return true;
        Result<DecodedJournal> decoded = job.decoder->take_result();
        job.decoder.reset();
        job.text = std::string();  // the text may be tens of MB: freed as soon as it is decoded
        if (!decoded) {
            m_error = tr_format("data.import.error", {{"reason", decoded.error().message}});
            m_job.reset();
            return false;
        }
        job.decoded = std::move(decoded).value();
        job.phase = ImportProgress::Phase::comparing;
        // The comparison is the next slice's work: this one may have used its time up.
        return true;
    }
    if (!job.current) {
        job.current = app.journal();
        return true;
    }
    if (!job.previewer) job.previewer = std::make_unique<ImportPreviewer>(*job.current, job.decoded->journal);
    if (job.previewer->step(more_time)) return true;
    finish_job();
    return false;
}

// The preview is ready: the file waits for the person's choice.
void ImportFlow::finish_job() {
    ImportPreview preview = m_job->previewer->take_preview();
    DecodedJournal& d = *m_job->decoded;
    m_pending = PendingImport{std::move(m_job->file_name), std::move(d.journal), std::move(d.extras),
                              std::move(d.warnings),       std::move(preview),   m_job->bytes_total};
    m_job.reset();
}

bool ImportFlow::busy() const { return m_job != nullptr || m_merge != nullptr; }

std::optional<ImportProgress> ImportFlow::progress() const {
    if (m_merge) {
        ImportProgress p;
        p.phase = ImportProgress::Phase::merging;
        p.done = static_cast<long long>(m_merge->merger->records_done());
        p.total = static_cast<long long>(m_merge->merger->records_total());
        p.fraction = share_of(p.done, p.total);
        p.file_bytes = m_pending ? m_pending->file_bytes : 0;
        return p;
    }
    if (!m_job) return std::nullopt;
    const Job& job = *m_job;
    ImportProgress p;
    p.phase = job.phase;
    p.file_bytes = job.bytes_total;
    switch (job.phase) {
        case ImportProgress::Phase::reading:
            p.done = job.bytes_done;
            p.total = job.bytes_total;
            p.fraction = reading_share * share_of(p.done, p.total);
            break;
        case ImportProgress::Phase::parsing: p.fraction = reading_share; break;
        case ImportProgress::Phase::checking:
            p.done = static_cast<long long>(job.decoder->records_done());
            p.total = static_cast<long long>(job.decoder->records_total());
            // An empty journal has nothing to count: its checking is already complete.
            p.fraction =
                reading_share + parsing_share + checking_share * (p.total > 0 ? share_of(p.done, p.total) : 1.0);
            break;
        case ImportProgress::Phase::comparing:
            if (job.previewer) {
                p.done = static_cast<long long>(job.previewer->records_done());
                p.total = static_cast<long long>(job.previewer->records_total());
            }
            p.fraction = reading_share + parsing_share + checking_share + comparing_share * share_of(p.done, p.total);
            break;
        case ImportProgress::Phase::merging: break;  // m_merge's, above
    }
    return p;
}

void ImportFlow::reject(std::string message) {
    m_job.reset();
    m_merge.reset();
    m_pending.reset();
    m_error = std::move(message);
}

void ImportFlow::apply(App& app, Mode mode) {
    m_merge.reset();
    if (!m_pending || app.read_only()) return;
    if (mode == Mode::replace) {
        m_backup = ImportBackup{app.journal(), app.extras()};
        m_backup_to_write = m_backup;
        // Records that exist only in the old journal must be removed from storage too.
        app.replace_journal(std::move(m_pending->journal), App::MarkDirty::yes);
        app.set_extras(std::move(m_pending->extras));
        app.mark_removed_since(m_backup->journal);
        app.notify(std::string(tr("data.import.replaced")));
    } else {
        const PendingImport& p = *m_pending;
        JournalExtras extras = merge_extras(app.journal(), app.extras(), p.journal, p.extras);
        app.replace_journal(merge_journals(app.journal(), p.journal), App::MarkDirty::yes);
        app.set_extras(std::move(extras));
        notify_merged(app);
    }
    m_pending.reset();
}

void ImportFlow::begin_apply(App& app, Mode mode) {
    m_merge.reset();
    if (!m_pending || app.read_only()) return;
    if (mode == Mode::replace || m_pending->file_bytes < small_file_bytes) return apply(app, mode);
    m_merge = std::make_unique<MergeJob>();
    m_merge->merger =
        std::make_unique<ImportMerger>(app.journal(), app.extras(), m_pending->journal, m_pending->extras);
    m_merge->revision = app.revision();
    m_merge->extras_serial = app.extras_serial();
}

// The merged journal and its unknown keys take the place of the journal in one step.
void ImportFlow::finish_merge(App& app) {
    Journal merged = m_merge->merger->take_journal();
    JournalExtras extras = m_merge->merger->take_extras();
    m_merge.reset();
    app.replace_journal(std::move(merged), App::MarkDirty::yes);
    app.set_extras(std::move(extras));
    notify_merged(app);
    m_pending.reset();
}

void ImportFlow::notify_merged(App& app) {
    app.notify(tr_plural("data.import.merged", static_cast<long long>(app.journal().reflections.size())));
}

void ImportFlow::cancel() {
    if (m_merge) {  // only the merge stops: the preview is there again, the journal as it was
        m_merge.reset();
        return;
    }
    m_job.reset();
    m_pending.reset();
    m_error.clear();
}

void ImportFlow::undo(App& app) {
    if (!m_backup || app.read_only()) return;
    const Journal replaced = app.journal();
    app.replace_journal(std::move(m_backup->journal), App::MarkDirty::yes);
    app.set_extras(std::move(m_backup->extras));
    app.mark_removed_since(replaced);
    m_backup.reset();
    app.notify(std::string(tr("data.import.undone")));
}

}  // namespace debrief
