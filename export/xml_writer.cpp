#include "export/xml_writer.hpp"

#include <libxml/xmlIO.h>

#include "export/escape.hpp"

namespace newsgraph::exporting {
namespace {

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

}  // namespace

XmlWriter::XmlWriter(std::FILE* file) {
  // The buffer writes through the FILE* and does not close it.
  xmlOutputBufferPtr buffer = xmlOutputBufferCreateFile(file, nullptr);
  if (!buffer) {
    ok_ = false;
    return;
  }
  writer_ = xmlNewTextWriter(buffer);  // takes ownership of `buffer`
  if (!writer_) {
    xmlOutputBufferClose(buffer);
    ok_ = false;
    return;
  }
  check(xmlTextWriterSetIndent(writer_, 1));
  check(xmlTextWriterSetIndentString(writer_, x(" ")));
  check(xmlTextWriterStartDocument(writer_, nullptr, "UTF-8", nullptr));
}

XmlWriter::~XmlWriter() {
  if (writer_) xmlFreeTextWriter(writer_);  // closes the buffer, not the FILE*
}

void XmlWriter::start(const char* element) {
  if (ok_) check(xmlTextWriterStartElement(writer_, x(element)));
}

void XmlWriter::end() {
  if (ok_) check(xmlTextWriterEndElement(writer_));
}

void XmlWriter::attribute(const char* name, const std::string& value) {
  if (ok_) check(xmlTextWriterWriteAttribute(writer_, x(name), x(value.c_str())));
}

void XmlWriter::attribute_ns(const char* prefix, const char* name, const char* uri, const char* value) {
  if (ok_) check(xmlTextWriterWriteAttributeNS(writer_, x(prefix), x(name), uri ? x(uri) : nullptr, x(value)));
}

void XmlWriter::text(std::string_view value) {
  const std::string cleaned = clean_text(value);
  if (ok_) check(xmlTextWriterWriteString(writer_, x(cleaned.c_str())));
}

void XmlWriter::comment(const char* text) {
  if (ok_) check(xmlTextWriterWriteComment(writer_, x(text)));
}

bool XmlWriter::finish() {
  if (!writer_) return false;
  if (ok_) check(xmlTextWriterEndDocument(writer_));
  if (ok_) check(xmlTextWriterFlush(writer_));
  const bool finished_ok = ok_;
  // Freed now, not in the destructor: freeing flushes the FILE*, which the caller closes next.
  if (writer_) xmlFreeTextWriter(writer_);
  writer_ = nullptr;
  ok_ = false;  // nothing more can be written
  return finished_ok;
}

}  // namespace newsgraph::exporting
