// A small, stable micro-benchmark harness: warm-up, N timed repetitions, median and min, a table and a JSON report.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace debrief::bench {

struct CaseResult {
    std::string group;
    std::string name;
    int repetitions = 0;
    double median_ms = 0.0;
    double min_ms = 0.0;
    double max_ms = 0.0;
    std::string note;  // e.g. hits found, bytes produced: proves the work was done
};

// Keeps results observable so the optimiser cannot drop the measured work.
inline volatile std::size_t sink = 0;

class Harness {
public:
    // Each case runs `warmup` untimed times, then is timed until it has at least `min_reps`
    // repetitions and `min_total_ms` of measured time (or `max_reps` repetitions).
    struct Budget {
        int warmup = 2;
        int min_reps = 7;
        int max_reps = 1000;
        double min_total_ms = 300.0;
    };

    explicit Harness(Budget budget) : m_budget(budget) {}

    // `setup` runs before every repetition, untimed (for cases that consume their input).
    void run(const std::string& group, const std::string& name, const std::function<std::string()>& body,
             const std::function<void()>& setup = {}) {
        using clock = std::chrono::steady_clock;
        std::string note;
        for (int i = 0; i < m_budget.warmup; ++i) {
            if (setup) setup();
            note = body();
        }
        std::vector<double> times;
        double total = 0.0;
        while (static_cast<int>(times.size()) < m_budget.max_reps &&
               (static_cast<int>(times.size()) < m_budget.min_reps || total < m_budget.min_total_ms)) {
            if (setup) setup();
            const auto start = clock::now();
            note = body();
            const double ms = std::chrono::duration<double, std::milli>(clock::now() - start).count();
            times.push_back(ms);
            total += ms;
        }
        std::sort(times.begin(), times.end());
        CaseResult r;
        r.group = group;
        r.name = name;
        r.repetitions = static_cast<int>(times.size());
        r.median_ms =
            times.size() % 2 ? times[times.size() / 2] : (times[times.size() / 2 - 1] + times[times.size() / 2]) / 2.0;
        r.min_ms = times.front();
        r.max_ms = times.back();
        r.note = note;
        std::fprintf(stderr, "  %-14s %-52s %10.3f ms (min %.3f, %d reps)\n", group.c_str(), name.c_str(), r.median_ms,
                     r.min_ms, r.repetitions);
        m_results.push_back(std::move(r));
    }

    const std::vector<CaseResult>& results() const { return m_results; }

    void print_table(std::FILE* out) const {
        std::fprintf(
            out, "| Group | Case | Median (ms) | Min (ms) | Reps | Note |\n| --- | --- | ---: | ---: | ---: | --- |\n");
        for (const CaseResult& r : m_results)
            std::fprintf(out, "| %s | %s | %.3f | %.3f | %d | %s |\n", r.group.c_str(), r.name.c_str(), r.median_ms,
                         r.min_ms, r.repetitions, r.note.c_str());
    }

    void write_json(std::FILE* out, const std::string& extra_fields) const {
        std::fprintf(out, "{%s\"cases\": [\n", extra_fields.c_str());
        for (std::size_t i = 0; i < m_results.size(); ++i) {
            const CaseResult& r = m_results[i];
            std::fprintf(
                out,
                "  {\"group\": \"%s\", \"name\": \"%s\", \"repetitions\": %d, \"median_ms\": %.4f, \"min_ms\": %.4f, "
                "\"max_ms\": %.4f, \"note\": \"%s\"}%s\n",
                escape(r.group).c_str(), escape(r.name).c_str(), r.repetitions, r.median_ms, r.min_ms, r.max_ms,
                escape(r.note).c_str(), i + 1 < m_results.size() ? "," : "");
        }
        std::fprintf(out, "]}\n");
    }

    static std::string escape(const std::string& text) {
        std::string out;
        for (char c : text) {
            if (c == '"' || c == '\\') out += '\\';
            if (static_cast<unsigned char>(c) < 0x20) continue;
            out += c;
        }
        return out;
    }

private:
    Budget m_budget;
    std::vector<CaseResult> m_results;
};

}  // namespace debrief::bench
