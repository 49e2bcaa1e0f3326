// The translators' catalogues (DEBRIEF_CATALOGUE_DIR), installed for as long as the object lives;
// afterwards English fallbacks take their place, so no later test reads through a freed file.
#pragma once

#include "core/catalogue_file.h"
#include "core/i18n.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

namespace debrief::test {

struct RealCatalogues {
    std::vector<std::unique_ptr<CatalogueFile>> owned;
    RealCatalogues() {
        for (const Language language : all_languages) {
            if (language == Language::en) continue;
            const std::string code(language_code(language));
            auto read =
                read_catalogue_file(language, read_file(std::string(DEBRIEF_CATALOGUE_DIR) + "/" + code + ".catalogue"),
                                    english_catalogue());
            REQUIRE_MESSAGE(read.ok(), code);
            owned.push_back(std::move(read.value()));
            install_catalogue(language, owned.back()->catalogue());
        }
    }
    ~RealCatalogues() {
        for (const Language language : all_languages)
            if (language != Language::en) install_catalogue(language, Catalogue{});
    }
    RealCatalogues(const RealCatalogues&) = delete;
    RealCatalogues& operator=(const RealCatalogues&) = delete;
};

}  // namespace debrief::test
