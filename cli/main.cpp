// newsgraph: the command-line front end. Arguments, printing and exit codes only.
#include <cstdio>

int main() {
  std::puts("newsgraph: not built yet");
  return 1;
}
