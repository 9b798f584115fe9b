// NerModel loading, tag_entities() and CoNLL tagging/evaluation (see ner.hpp).
#include "nlp/ner/ner.hpp"

#include <chrono>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>

#include "nlp/ner/model_impl.hpp"
#include "tokenize/normalize.hpp"

namespace newsgraph::ner {

NerModel::NerModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
NerModel::NerModel(NerModel&&) noexcept = default;
NerModel& NerModel::operator=(NerModel&&) noexcept = default;
NerModel::~NerModel() = default;

const learn::ModelHeader& NerModel::header() const { return impl_->header; }
bool NerModel::uses_pos() const { return impl_->config.use_pos; }
const Gazetteer& NerModel::gazetteer() const { return impl_->gazetteer; }

Result<NerModel> NerModel::load(const std::string& path) {
  auto file = learn::load_model(path);
  if (!file) return file.status();
  const learn::ModelHeader& header = file->header;
  if (header.kind != kModelKind) {
    return Status::error(path + ": a '" + header.kind + "' model, not a '" + std::string(kModelKind) +
                         "' one; pass the NER model (models/ner-en.model)");
  }
  if (header.feature_set_version != kFeatureSetVersion) {
    return Status::error(path + ": NER feature set " + std::to_string(header.feature_set_version) +
                         ", this build computes feature set " + std::to_string(kFeatureSetVersion) +
                         "; retrain it (models/README.md)");
  }
  if (header.labels.size() != kNumLabels) {
    return Status::error(path + ": " + std::to_string(header.labels.size()) + " labels, want " +
                         std::to_string(kNumLabels));
  }
  for (int l = 0; l < kNumLabels; ++l) {
    if (header.labels[l] != label_name(static_cast<Label>(l)))
      return Status::error(path + ": label " + std::to_string(l) + " is '" + header.labels[l] + "', want '" +
                           std::string(label_name(static_cast<Label>(l))) + "'");
  }
  const learn::ModelSection* gaz_section = file->section("gazetteer");
  const learn::ModelSection* weights_section = file->section("weights");
  if (!gaz_section || !weights_section) return Status::error(path + ": missing section 'gazetteer' or 'weights'");
  auto gazetteer = Gazetteer::parse(gaz_section->bytes, path + " (gazetteer)");
  if (!gazetteer) return gazetteer.status();
  auto weights = learn::Perceptron::deserialize(weights_section->bytes);
  if (!weights) return Status::error(path + ": " + weights.status().message());
  if (weights->num_labels() != kNumLabels) return Status::error(path + ": weights have the wrong number of labels");
  auto impl = std::make_unique<Impl>();
  impl->header = header;
  impl->config.use_pos = file->hyper_parameter("pos-features") == "1";
  const std::string bias = file->hyper_parameter("score-bias"), scale = file->hyper_parameter("score-scale");
  if (!bias.empty() && !scale.empty()) {
    impl->score_bias = std::strtof(bias.c_str(), nullptr);
    impl->score_scale = std::strtof(scale.c_str(), nullptr);
  }
  const std::string beam = file->hyper_parameter("beam");
  impl->config.beam = beam.empty() ? 1 : static_cast<std::uint32_t>(std::max(1, std::atoi(beam.c_str())));
  impl->gazetteer = std::move(*gazetteer);
  impl->weights = std::move(*weights);
  return NerModel(std::move(impl));
}

namespace {

// Words that title case leaves in lower case.
bool title_case_minor_word(std::string_view word) {
  static constexpr std::string_view kMinor[] = {"a",   "an",  "and", "as",   "at",  "but",  "by",  "for", "from",
                                                "in",  "into", "nor", "of",  "off", "on",   "onto", "or", "over",
                                                "per", "the", "to",  "up",  "upon", "via", "vs",  "with"};
  for (const std::string_view minor : kMinor) {
    if (word == minor) return true;
  }
  return false;
}

// Every word is capitalised except title case's minor words, and at least three are.
bool is_title_case(const TaggerInput& input, const TaggerInput::Range& sent) {
  int capitalised = 0;
  for (std::uint32_t i = sent.first; i < sent.end; ++i) {
    const std::string_view token = input.forms[i];
    if (token.empty()) continue;
    const char first = token[0];
    if (first >= 'a' && first <= 'z') {
      if (!title_case_minor_word(token)) return false;
    } else if (first >= 'A' && first <= 'Z' && token.size() > 1) {
      bool lower = false;
      for (const char c : token) lower |= c >= 'a' && c <= 'z';
      capitalised += lower;
    }
  }
  return capitalised >= 3;
}

}  // namespace

void FormStore::assign(std::span<const std::string_view> tokens) {
  arena.clear();
  std::string buffer;
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  ranges.reserve(tokens.size());
  for (const std::string_view token : tokens) {
    const std::string_view form = ptb_form(token, buffer);
    ranges.emplace_back(arena.size(), form.size());
    arena.append(form);
  }
  forms.clear();
  for (const auto& [begin, size] : ranges) forms.emplace_back(arena.data() + begin, size);
}

void fold_title_case(TaggerInput& input, std::string& upper) {
  std::size_t bytes = 0;
  bool any = false;
  for (const TaggerInput::Range& sent : input.sentences) {
    if (!is_title_case(input, sent)) continue;
    any = true;
    for (std::uint32_t i = sent.first; i < sent.end; ++i) bytes += input.forms[i].size();
  }
  if (!any) return;
  upper.clear();
  upper.reserve(bytes);  // no reallocation below: the views stay valid
  for (const TaggerInput::Range& sent : input.sentences) {
    if (!is_title_case(input, sent)) continue;
    for (std::uint32_t i = sent.first; i < sent.end; ++i) {
      const std::size_t begin = upper.size();
      for (const char c : input.forms[i]) upper += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
      input.forms[i] = std::string_view(upper).substr(begin, input.forms[i].size());
    }
  }
}

float smallest_margin(std::span<const float> margins) {
  float least = margins.empty() ? 0.0f : margins[0];
  for (const float margin : margins) least = std::min(least, margin);
  return std::max(least, kMarginFloor);
}

float mention_score(std::span<const float> margins, const ScoreCalibration& calibration) {
  return 1.0f / (1.0f + std::exp(-(calibration.bias + calibration.scale * smallest_margin(margins))));
}

namespace {

struct ThreadBuffers {
  TaggerState state;
  std::string upper;
  TaggerInput input;
  FormStore store;
  std::vector<std::string_view> raw;
  std::vector<Label> labels;
  std::vector<float> margins;
};

ThreadBuffers& thread_buffers() {
  thread_local ThreadBuffers buffers;
  return buffers;
}

}  // namespace

void tag_entities(const NerModel& model, Document& doc) {
  const NerModel::Impl& impl = model.impl();
  doc.mentions.clear();
  const std::size_t n = doc.tokens.size();
  if (n == 0) return;
  ThreadBuffers& b = thread_buffers();
  b.raw.resize(n);
  for (std::size_t i = 0; i < n; ++i) b.raw[i] = doc.token_text(i);
  b.store.assign(b.raw);
  b.input.forms = b.store.forms;
  b.input.pos.clear();
  if (impl.config.use_pos && doc.pos.size() == n) b.input.pos.assign(doc.pos.begin(), doc.pos.end());
  b.input.sentences.clear();
  for (const Sentence& sent : doc.sentences) {
    if (sent.first_token < sent.end_token && sent.end_token <= n) b.input.sentences.push_back({sent.first_token, sent.end_token});
  }
  if (b.input.sentences.empty()) b.input.sentences.push_back({0, static_cast<std::uint32_t>(n)});
  fold_title_case(b.input, b.upper);
  extract_static(impl.config, impl.gazetteer, b.input, b.state);
  decode(impl.weights, b.input, b.state, b.labels, &b.margins, nullptr, {}, impl.config.beam);
  for (const TaggerInput::Range& sent : b.input.sentences) {
    const auto labels = std::span(b.labels).subspan(sent.first, sent.end - sent.first);
    for (const Span& span : decode_bilou(labels)) {
      const std::uint32_t first = sent.first + span.first, end = sent.first + span.end;
      doc.mentions.push_back(Mention{first, end, entity_type(span.type),
                                     mention_score(std::span(b.margins).subspan(first, end - first),
                                                   ScoreCalibration{impl.score_bias, impl.score_scale})});
    }
  }
}

void conll_input(const ConllDocument& doc, const std::vector<std::vector<std::string>>* pos, FormStore& store,
                 TaggerInput& input) {
  std::vector<std::string_view> raw;
  input.sentences.clear();
  input.pos.clear();
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const ConllSentence& sent = doc.sentences[s];
    const auto first = static_cast<std::uint32_t>(raw.size());
    for (const std::string& token : sent.tokens) raw.emplace_back(token);
    input.sentences.push_back({first, static_cast<std::uint32_t>(raw.size())});
    if (pos) {
      for (const std::string& tag : (*pos)[s]) input.pos.emplace_back(tag);
    }
  }
  store.assign(raw);
  input.forms = store.forms;
}

std::vector<std::vector<Span>> tag_conll(const NerModel& model, const ConllDocument& doc, const pos::PosTagger* pos) {
  const NerModel::Impl& impl = model.impl();
  ThreadBuffers& b = thread_buffers();
  std::vector<std::vector<std::string>> tags;
  if (impl.config.use_pos && pos) tags = pos_tags(pos, doc);
  conll_input(doc, tags.empty() ? nullptr : &tags, b.store, b.input);
  extract_static(impl.config, impl.gazetteer, b.input, b.state);
  decode(impl.weights, b.input, b.state, b.labels, nullptr, nullptr, {}, impl.config.beam);
  std::vector<std::vector<Span>> result;
  for (const TaggerInput::Range& sent : b.input.sentences)
    result.push_back(decode_bilou(std::span(b.labels).subspan(sent.first, sent.end - sent.first)));
  return result;
}

Result<NerEvaluation> evaluate_ner(const NerModel& model, const std::string& path, const pos::PosTagger* pos) {
  if (model.uses_pos() && !pos) return Status::error("evaluate_ner: the model uses POS features: pass the POS tagger");
  auto docs = read_conll(path);
  if (!docs) return docs.status();
  const NerModel::Impl& impl = model.impl();
  NerEvaluation eval;
  ThreadBuffers& b = thread_buffers();
  // CPU time of this thread: the tagger's own cost, whatever else runs on the machine.
  const auto cpu_seconds = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
  };
  // POS tags first, for the whole file, so the NER timing below is the NER tagger's alone
  // (interleaving the two taggers per document makes each evict the other's weights).
  std::vector<std::vector<std::vector<std::string>>> tags(docs->size());
  if (impl.config.use_pos) {
    const double start = cpu_seconds();
    for (std::size_t d = 0; d < docs->size(); ++d) tags[d] = pos_tags(pos, (*docs)[d]);
    eval.pos_seconds = cpu_seconds() - start;
  }
  for (std::size_t d = 0; d < docs->size(); ++d) {
    const ConllDocument& doc = (*docs)[d];
    conll_input(doc, tags[d].empty() ? nullptr : &tags[d], b.store, b.input);
    const double start = cpu_seconds();
    extract_static(impl.config, impl.gazetteer, b.input, b.state);
    decode(impl.weights, b.input, b.state, b.labels, nullptr, nullptr, {}, impl.config.beam);
    eval.tag_seconds += cpu_seconds() - start;
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
      const TaggerInput::Range& sent = b.input.sentences[s];
      const auto predicted = decode_bilou(std::span(b.labels).subspan(sent.first, sent.end - sent.first));
      eval.scores.add(doc.sentences[s].entities, predicted);
    }
    eval.tokens += b.input.forms.size();
    eval.sentences += doc.sentences.size();
  }
  return eval;
}

}  // namespace newsgraph::ner
