// vankho-searchd: the HTTP JSON search service (skeleton until the searchd issue lands).
#include <iostream>
#include <string_view>

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--help") {
      std::cout << "usage: vankho-searchd --index DIR [--listen 127.0.0.1:8080]\n";
      return 0;
    }
  }
  std::cerr << "vankho-searchd: not implemented yet\n";
  return 2;
}
