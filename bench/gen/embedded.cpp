// Includes the two data files byte for byte with the assembler's .incbin (paths given by CMake as
// VANKHO_GEN_MODEL and VANKHO_GEN_THEMES; CMake rebuilds this file when either changes).
#include "embedded.h"

// clang-format off
#define VANKHO_GEN_INCBIN(name, path)                  \
  __asm__(".section .rodata\n"                         \
          ".global " #name "_begin\n"                  \
          ".balign 16\n" #name "_begin:\n"             \
          ".incbin \"" path "\"\n"                     \
          ".global " #name "_end\n" #name "_end:\n"    \
          ".byte 0\n"                                  \
          ".previous\n");                              \
  extern "C" const char name##_begin[];                \
  extern "C" const char name##_end[];
// clang-format on

VANKHO_GEN_INCBIN(vankho_gen_model, VANKHO_GEN_MODEL)
VANKHO_GEN_INCBIN(vankho_gen_themes, VANKHO_GEN_THEMES)

namespace vankho::gen {

std::string_view embedded_model_gz() {
  return {vankho_gen_model_begin,
          static_cast<size_t>(vankho_gen_model_end - vankho_gen_model_begin)};
}

std::string_view embedded_themes_tsv() {
  return {vankho_gen_themes_begin,
          static_cast<size_t>(vankho_gen_themes_end - vankho_gen_themes_begin)};
}

}  // namespace vankho::gen
