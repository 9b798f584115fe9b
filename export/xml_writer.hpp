// A streaming XML writer over libxml2's xmlTextWriter, shared by the GraphML and GEXF
// exporters: UTF-8, indented by one space, the first failing call remembered and later calls
// made no-ops, so an exporter checks ok() once at the end.
#pragma once

#include <libxml/xmlwriter.h>

#include <cstdio>
#include <string>
#include <string_view>

namespace newsgraph::exporting {

// Not thread-safe; one document per object.
class XmlWriter {
 public:
  // Starts a document (XML declaration) on `file`, which stays owned by the caller and is
  // not closed. ok() is false when libxml2 cannot create the writer.
  explicit XmlWriter(std::FILE* file);
  ~XmlWriter();
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  bool ok() const { return ok_; }
  void start(const char* element);
  void end();
  // REQUIRES: `value` is clean (exporting::clean_text) or a literal.
  void attribute(const char* name, const std::string& value);
  void attribute_ns(const char* prefix, const char* name, const char* uri, const char* value);
  // Element text; cleaned here (clean_text).
  void text(std::string_view value);
  void comment(const char* text);
  // Closes every open element, ends the document, flushes into the FILE* and releases the
  // writer (call it before closing the FILE*). True when every call succeeded.
  bool finish();

 private:
  void check(int rc) {
    if (rc < 0) ok_ = false;
  }

  xmlTextWriterPtr writer_ = nullptr;
  bool ok_ = true;
};

}  // namespace newsgraph::exporting
