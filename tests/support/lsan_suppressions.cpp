// LeakSanitizer's suppressions, linked into every executable of a VANKHO_SANITIZE build (the test
// binaries and the tools they run: CMakeLists.txt, vankho_defaults). What they name is memory that
// libraries vankho calls keep or lose for the life of the process, not vankho's leaks: librecode
// 3.6 loses a few hash entries (about 150 bytes, once per request it scans); fontconfig, loaded by
// cairo and by poppler to substitute fonts that a PDF does not embed, keeps its caches until exit.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:librecode.so\nleak:libfontconfig.so\n";
}
