# One static library per layer of src/ (README "Structure"), whose link line lists the layers it may
# use. A layer's headers are reachable only through the include root its target publishes: a folder
# in the build tree holding one link, <layer> -> src/<layer>. So `#include "storage/journal_store.h"`
# compiles only in a target that links debrief_storage, and a wrong include fails to build
# (tests/layering/ checks that it does).
set(DEBRIEF_LAYER_ROOTS "${CMAKE_BINARY_DIR}/layers")

# debrief_layer(<name> [PUBLIC <targets>...] [PRIVATE <targets>...]): the library debrief_<name> from
# src/<name>/*.cpp. PUBLIC: what the layer's headers include; PRIVATE: what only its sources use.
function(debrief_layer name)
  cmake_parse_arguments(ARG "" "" "PUBLIC;PRIVATE" ${ARGN})
  set(root "${DEBRIEF_LAYER_ROOTS}/${name}")
  file(MAKE_DIRECTORY "${root}")
  file(CREATE_LINK "${CMAKE_SOURCE_DIR}/src/${name}" "${root}/${name}" SYMBOLIC)
  file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/${name}/*.cpp")
  add_library(debrief_${name} STATIC ${sources})
  target_include_directories(debrief_${name} PUBLIC "${root}")
  target_link_libraries(debrief_${name} PUBLIC ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE})
  debrief_strict_warnings(debrief_${name})
endfunction()

# The include root of a layer, for executables made of that layer's files (the web platform).
function(debrief_layer_root name out)
  set(root "${DEBRIEF_LAYER_ROOTS}/${name}")
  file(MAKE_DIRECTORY "${root}")
  file(CREATE_LINK "${CMAKE_SOURCE_DIR}/src/${name}" "${root}/${name}" SYMBOLIC)
  set(${out} "${root}" PARENT_SCOPE)
endfunction()
