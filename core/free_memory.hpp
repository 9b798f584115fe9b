// free_memory: hands the heap's free pages back to the system (issue 8, memory).
//
// glibc keeps freed memory for reuse, and a chunk freed in the middle of a heap stays in the
// process's RSS however long it is unused. Between the merge's phases, whole structures are
// freed (the resolution's tables, the sightings) before others of about their size are made:
// handed back, their pages are faulted in again only as far as the next phase uses them.
#pragma once

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace newsgraph {

inline void return_free_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace newsgraph
