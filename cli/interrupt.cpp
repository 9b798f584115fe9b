#include "cli/interrupt.hpp"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <thread>

namespace newsgraph::cli {
namespace {

sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

InterruptGuard::InterruptGuard(std::string command) : state_(std::make_shared<State>()) {
  state_->command = std::move(command);
  const sigset_t set = stop_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  // Detached: it lives as long as the process, blocked in sigwait.
  std::thread(watch, state_).detach();
}

void InterruptGuard::remove_on_interrupt(std::string path) {
  std::lock_guard<std::mutex> lock(state_->mutex);
  state_->temporaries.push_back(std::move(path));
}

std::unique_lock<std::mutex> InterruptGuard::hold() { return std::unique_lock<std::mutex>(state_->mutex); }

void InterruptGuard::mark_written() { state_->written = true; }

void InterruptGuard::watch(const std::shared_ptr<State>& state) {
  const sigset_t set = stop_signals();
  int signal = 0;
  if (sigwait(&set, &signal) != 0) return;
  std::lock_guard<std::mutex> lock(state->mutex);
  std::error_code ec;
  for (const std::string& path : state->temporaries) std::filesystem::remove_all(path, ec);
  const char* name = signal == SIGINT ? "SIGINT" : "SIGTERM";
  if (state->written) {
    std::fprintf(stderr, "%s: interrupted (%s) after the graph files were written\n", state->command.c_str(), name);
  } else {
    std::fprintf(stderr, "%s: interrupted (%s); nothing written, earlier outputs left as they were\n",
                 state->command.c_str(), name);
  }
  std::fflush(stderr);
  ::_exit(1);
}

}  // namespace newsgraph::cli
