// Clean stop of a long command on SIGINT or SIGTERM (issue 9): a watcher thread receives the
// signal, removes the files the command was still writing, prints one line and exits 1
// (design.md: the run cannot go on). Outputs already in place are never touched, and the
// outputs being moved into place are all moved or none (hold()). A signal the parent set to
// be ignored (a shell's background job without job control) stays ignored.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace newsgraph::cli {

class InterruptGuard {
 public:
  // Blocks SIGINT and SIGTERM in this thread (and the threads it starts later) and starts
  // the watcher. `command` names the command in the message ("newsgraph build").
  // REQUIRES: constructed on the main thread before any other thread is started; one at a time.
  explicit InterruptGuard(std::string command);

  // Removed (a file or a folder, when it exists) when interrupted: a temporary.
  void remove_on_interrupt(std::string path);

  // While the lock is held an interrupt waits: take it for the moves into place.
  std::unique_lock<std::mutex> hold();

  // Called with hold() taken once the graph files are in place: the message says so.
  void mark_written();

 private:
  // Shared with the watcher thread, which outlives the guard.
  struct State {
    std::string command;
    std::mutex mutex;
    std::vector<std::string> temporaries;
    bool written = false;
  };
  static void watch(const std::shared_ptr<State>& state);

  std::shared_ptr<State> state_;
};

}  // namespace newsgraph::cli
