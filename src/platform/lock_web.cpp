// ui::LockHost for the browser (see lock_web.h). Requests go to DebriefLock.bridge (web/lock.js),
// which answers through the debrief_lock_* functions below; no key ever reaches C++.
#include "platform/lock_web.h"

#include "app/import_flow.h"
#include "core/i18n.h"
#include "platform/backend_web.h"
#include "platform/import_web.h"
#include "platform/storage_web.h"
#include "serialization/sealed_envelope.h"
#include "ui/lock_view.h"

#include <emscripten.h>

#include <optional>
#include <string>

namespace debrief::platform {
namespace {

// clang-format off
EM_JS(int, js_lock_flag, (int which), {
    const s = window.DebriefLock ? DebriefLock.state : null;
    if (!s) return 0;
    if (which === 0) return s.sealed ? 1 : 0;
    if (which === 1) return s.locked ? 1 : 0;
    if (which === 2) return s.autoLock ? 1 : 0;
    if (which === 4) return Date.now() < s.notBefore ? 1 : 0;
    return window.DebriefStorage && DebriefStorage.role === 'writer' ? 1 : 0;
});
EM_JS(void, js_lock_unlock, (const char* pass, int length), { DebriefLock.bridge.unlock(pass, length); });
EM_JS(void, js_lock_rekey, (const char* pass, int length, int off), { DebriefLock.bridge.rekey(pass, length, off); });
EM_JS(void, js_lock_now, (), { DebriefLock.lockNow(); });
EM_JS(void, js_lock_auto, (int on), { DebriefLock.setAutoLock(on !== 0); });
EM_JS(void, js_lock_seal, (const char* pass, int pass_length, const char* data, int length), {
    DebriefLock.bridge.seal(pass, pass_length, data, length);
});
EM_JS(void, js_lock_open, (const char* pass, int pass_length, double iterations, const char* salt, int salt_length,
                            const char* iv, int iv_length, const char* data, int length), {
    DebriefLock.bridge.open(pass, pass_length, iterations, salt, salt_length, iv, iv_length, data, length);
});
// clang-format on

enum Flag { sealed_flag = 0, locked_flag = 1, auto_flag = 2, writer_flag = 3, retry_flag = 4 };

class WebLock final : public ui::LockHost {
public:
    bool sealed() const override { return js_lock_flag(sealed_flag) != 0; }
    bool locked() const override { return js_lock_flag(locked_flag) != 0; }
    bool busy() const override { return m_busy; }
    bool can_change() const override { return js_lock_flag(writer_flag) != 0; }
    // The page's clock decides (web/lock.js refuses early tries by the same clock).
    bool retry_blocked() const override { return js_lock_flag(retry_flag) != 0; }
    bool auto_lock() const override { return js_lock_flag(auto_flag) != 0; }
    ui::LockForm& form() override { return m_form; }

    void unlock(const std::string& passphrase) override {
        m_busy = true;
        js_lock_unlock(passphrase.data(), static_cast<int>(passphrase.size()));
    }
    void set_passphrase(const std::optional<std::string>& passphrase) override {
        m_busy = true;
        m_rekey = !passphrase ? Rekey::off : (sealed() ? Rekey::change : Rekey::on);
        const std::string& text = passphrase ? *passphrase : std::string();
        js_lock_rekey(text.data(), static_cast<int>(text.size()), passphrase ? 0 : 1);
    }
    void lock_now() override { js_lock_now(); }
    void set_auto_lock(bool on) override { js_lock_auto(on ? 1 : 0); }
    void export_sealed(const ExportFile& plain, const std::string& passphrase) override {
        m_busy = true;
        m_export_name = plain.name;
        js_lock_seal(passphrase.data(), static_cast<int>(passphrase.size()), plain.bytes.data(),
                     static_cast<int>(plain.bytes.size()));
    }
    bool sealed_import_waiting() const override { return m_import.has_value(); }
    const std::string& sealed_import_name() const override { return m_import_name; }
    void open_sealed_import(const std::string& passphrase) override {
        if (!m_import) return;
        m_busy = true;
        const SealedEnvelope& e = *m_import;
        js_lock_open(passphrase.data(), static_cast<int>(passphrase.size()), static_cast<double>(e.iterations),
                     e.salt.data(), static_cast<int>(e.salt.size()), e.nonce.data(), static_cast<int>(e.nonce.size()),
                     e.ciphertext.data(), static_cast<int>(e.ciphertext.size()));
    }
    void cancel_sealed_import() override {
        m_import.reset();
        m_import_name.clear();
    }

    void problem(std::string text, const char* where) {
        m_form.problem = std::move(text);
        m_form.problem_where = where;
    }

    enum class Rekey { on, change, off };
    App* app = nullptr;
    ui::Services* services = nullptr;
    bool m_busy = false;
    Rekey m_rekey = Rekey::on;
    ui::LockForm m_form;
    std::string m_export_name;
    std::optional<SealedEnvelope> m_import;
    std::string m_import_name;
};

WebLock g_lock;

// The growing delay ran out: draw the Unlock button again.
void retry_allowed(void*) { request_frame(); }

}  // namespace

void lock_init(App& app, ui::Services& services) {
    g_lock.app = &app;
    g_lock.services = &services;
    ui::set_lock_host(&g_lock);
}

bool lock_hold_sealed_import(std::string_view name, std::string_view bytes) {
    if (!looks_like_envelope(bytes)) return false;
    g_lock.cancel_sealed_import();
    g_lock.app->import_flow().cancel();
    auto envelope = decode_envelope(bytes);
    if (!envelope) {
        g_lock.app->import_flow().reject(envelope.error().message);
        return true;
    }
    g_lock.m_import = std::move(envelope).value();
    g_lock.m_import_name = std::string(name);
    g_lock.m_form.problem.clear();
    return true;
}

}  // namespace debrief::platform

extern "C" {
EMSCRIPTEN_KEEPALIVE void debrief_lock_unlock_done(int ok, double wait_ms) {
    using namespace debrief;
    using namespace debrief::platform;
    g_lock.m_busy = false;
    if (ok) {
        g_lock.m_form.problem.clear();
        storage_unlocked();
    } else {
        g_lock.problem(std::string(tr("lock.wrong")), "unlock");
        if (wait_ms > 0) set_timer(retry_allowed, wait_ms + 20.0);
    }
    request_frame();
}

// `reason` is UTF-8 with its byte length, never NUL-terminated.
EMSCRIPTEN_KEEPALIVE void debrief_lock_rekey_done(int ok, const char* reason, int length) {
    using namespace debrief;
    using namespace debrief::platform;
    g_lock.m_busy = false;
    if (ok) {
        const char* key =
            g_lock.m_rekey == WebLock::Rekey::on
                ? "data.lock.turned_on"
                : (g_lock.m_rekey == WebLock::Rekey::change ? "data.lock.changed" : "data.lock.turned_off");
        g_lock.m_form.problem.clear();
        g_lock.app->notify(std::string(tr(key)));
    } else {
        g_lock.problem(
            tr_format("data.lock.failed", {{"reason", std::string(reason, static_cast<std::size_t>(length))}}), "lock");
    }
    request_frame();
}

EMSCRIPTEN_KEEPALIVE void debrief_lock_sealed(int ok, double iterations, const char* salt, int salt_length,
                                              const char* iv, int iv_length, const char* data, int length) {
    using namespace debrief;
    using namespace debrief::platform;
    g_lock.m_busy = false;
    if (!ok) {
        g_lock.problem(std::string(tr("data.export.sealed_failed")), "export");
    } else {
        SealedEnvelope envelope;
        envelope.iterations = static_cast<std::int64_t>(iterations);
        envelope.salt.assign(salt, static_cast<std::size_t>(salt_length));
        envelope.nonce.assign(iv, static_cast<std::size_t>(iv_length));
        envelope.ciphertext.assign(data, static_cast<std::size_t>(length));
        std::string name = g_lock.m_export_name;
        const auto dot = name.rfind(".json");
        if (dot != std::string::npos) name.insert(dot, "-encrypted");
        g_lock.services->download(ExportFile{name, "application/json", encode_envelope(envelope)});
        g_lock.app->notify(std::string(tr("data.exported")));
    }
    request_frame();
}

EMSCRIPTEN_KEEPALIVE void debrief_lock_opened(int ok, const char* data, int length) {
    using namespace debrief;
    using namespace debrief::platform;
    g_lock.m_busy = false;
    if (!ok) {
        g_lock.problem(std::string(tr("data.import.sealed_wrong")), "import");
    } else {
        const std::string name = g_lock.m_import_name;
        g_lock.cancel_sealed_import();
        g_lock.m_form.problem.clear();
        // The opened journal goes through the same stepped import as a plain file, progress bar included.
        import_start(name, std::string_view(data, static_cast<std::size_t>(length)));
    }
    request_frame();
}
}
