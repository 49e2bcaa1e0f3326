// The passphrase lock as the views see it: the lock screen, the lock's card in "Your data", the
// encrypted export and the passphrase asked for an encrypted import. The cryptography and the
// stored journal are the platform's (src/platform/lock_web.cpp, web/lock.js); a LockHost tells the
// views where things stand and takes their requests. With no host (native tests of other screens)
// there is no lock and nothing is drawn for it.
#pragma once

#include "app/app.h"
#include "ui/services.h"

#include <optional>
#include <string>

namespace debrief::ui {

// What the person typed into the lock's fields, kept by the host (one per App) and cleared as
// soon as a passphrase has been handed over.
struct LockForm {
    std::string unlock;        // the lock screen
    std::string next;          // a new passphrase (turn on, change)
    std::string repeat;        // the same again
    bool export_open = false;  // the encrypted export's fields are shown
    std::string export_next;   // an encrypted export's passphrase
    std::string export_repeat;
    std::string import_passphrase;  // an encrypted file being imported
    std::string problem;            // what went wrong last, a sentence for the person
    std::string problem_where;      // beside which fields: "unlock", "lock", "export" or "import"
};

class LockHost {
public:
    virtual ~LockHost() = default;
    virtual bool sealed() const = 0;         // the stored journal is encrypted
    virtual bool locked() const = 0;         // and waits for its passphrase (nothing is loaded)
    virtual bool busy() const = 0;           // an unlock, re-encryption or file is under way
    virtual bool can_change() const = 0;     // this tab writes the journal (another tab is read-only)
    virtual bool retry_blocked() const = 0;  // the growing delay after a wrong passphrase runs
    virtual bool auto_lock() const = 0;
    virtual LockForm& form() = 0;

    virtual void unlock(const std::string& passphrase) = 0;
    // Turn the lock on or change the passphrase (a value), or turn it off (nullopt).
    virtual void set_passphrase(const std::optional<std::string>& passphrase) = 0;
    virtual void lock_now() = 0;
    virtual void set_auto_lock(bool on) = 0;
    virtual void export_sealed(const ExportFile& plain, const std::string& passphrase) = 0;
    virtual bool sealed_import_waiting() const = 0;
    virtual const std::string& sealed_import_name() const = 0;
    virtual void open_sealed_import(const std::string& passphrase) = 0;
    virtual void cancel_sealed_import() = 0;
};

void set_lock_host(LockHost* host);
LockHost* lock_host();

// True when the lock screen takes the whole window this frame (draw_app then draws nothing else).
bool lock_screen_wanted();
void draw_lock_screen(App& app);
// "Your data": the lock's card; the encrypted export (inside the export card); the passphrase an
// encrypted import waits for (inside the import card).
void draw_lock_card(App& app, Services& services);
void draw_sealed_export(App& app);
void draw_sealed_import();

// A passphrase long enough to be worth the lock.
constexpr std::size_t min_passphrase_length = 8;

}  // namespace debrief::ui
