/* Build configuration for FriBidi 1.0.8 compiled by CMake (replaces its autotools/meson config.h). */
#define HAVE_STDLIB_H 1
#define HAVE_STRING_H 1
#define HAVE_STRINGIZE 1
#define STDC_HEADERS 1
