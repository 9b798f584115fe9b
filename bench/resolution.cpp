// bench/resolution: cross-article entity resolution time (merge_articles, issue 6) on
// synthetic ArticleGraphs, for growing article counts, to show it grows no worse than
// n log n.
//
//   resolution [ARTICLES...]        default: 1250 2500 5000 10000
//
// Each synthetic article names ~30 entities drawn with a Zipf-like popularity from a
// universe that grows with the corpus (3 new people, 1 organisation, 1 place per article),
// written the way news writes them: full names, surnames, titled forms, one-letter
// misspellings, acronyms with their expansions, country short forms. Names are made of
// random syllables, so nothing here comes from any dev set.
#include <sys/resource.h>
#include <sys/utsname.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "merge/merge.hpp"

using namespace newsgraph;

namespace {

struct Universe {
  struct Person {
    std::string given, surname;
  };
  std::vector<Person> people;
  std::vector<std::string> organisations;  // multiword
  std::vector<std::string> places;
};

std::string syllables(std::mt19937_64& rng, int count) {
  static const char* const kSyllables[] = {"ka", "lo", "mi", "ren", "sto", "va", "dor", "el", "ni", "qua", "bar",
                                           "te", "shi", "ro", "gan", "li", "mar", "zu", "pe", "tor", "an", "vi",
                                           "kel", "os", "ha", "din", "su", "mo", "rak", "ei"};
  std::string out;
  for (int i = 0; i < count; ++i) out += kSyllables[rng() % (sizeof(kSyllables) / sizeof(*kSyllables))];
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string misspell(std::string word, std::mt19937_64& rng) {
  if (word.size() < 6) return word;
  const std::size_t at = 2 + rng() % (word.size() - 3);
  word.insert(word.begin() + static_cast<std::ptrdiff_t>(at), word[at]);  // a doubled letter
  return word;
}

void grow(Universe& universe, std::mt19937_64& rng, std::size_t articles) {
  while (universe.people.size() < 50 + 3 * articles)
    universe.people.push_back({syllables(rng, 2), syllables(rng, 2 + static_cast<int>(rng() % 2))});
  while (universe.organisations.size() < 20 + articles)
    universe.organisations.push_back(syllables(rng, 2) + " " + syllables(rng, 2) + " " +
                                     (rng() % 2 ? "Council" : "Agency"));
  while (universe.places.size() < 20 + articles) universe.places.push_back(syllables(rng, 3));
}

// Zipf-like: index i drawn with weight ~ 1/(i+1).
std::size_t zipf(std::mt19937_64& rng, std::size_t n) {
  const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
  return std::min(n - 1, static_cast<std::size_t>(std::exp(u * std::log(static_cast<double>(n) + 1.0))) - 1);
}

std::vector<ArticleGraph> make_articles(std::size_t count, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  Universe universe;
  std::vector<ArticleGraph> articles;
  articles.reserve(count);
  for (std::size_t a = 0; a < count; ++a) {
    grow(universe, rng, a + 1);
    ArticleGraph article;
    article.article_id = "synthetic-" + std::to_string(a);
    const auto add = [&](EntityType type, std::string name, std::vector<std::string> aliases) {
      aliases.push_back(name);
      std::sort(aliases.begin(), aliases.end());
      aliases.erase(std::unique(aliases.begin(), aliases.end()), aliases.end());
      article.entities.push_back({type, std::move(name), std::move(aliases), 1 + static_cast<std::uint32_t>(rng() % 5), {}, {}, {}, {}});
    };
    for (int i = 0; i < 16; ++i) {
      const Universe::Person& person = universe.people[zipf(rng, universe.people.size())];
      const std::string full = person.given + " " + person.surname;
      switch (rng() % 6) {
        case 0: add(EntityType::Person, person.surname, {"Mr. " + person.surname}); break;  // surname only
        case 1: add(EntityType::Person, person.given + " " + misspell(person.surname, rng), {}); break;
        case 2: add(EntityType::Person, misspell(person.surname, rng), {}); break;
        default: add(EntityType::Person, full, {person.surname, "President " + full}); break;
      }
    }
    for (int i = 0; i < 8; ++i) {
      const std::string& org = universe.organisations[zipf(rng, universe.organisations.size())];
      std::string acronym;
      for (std::size_t k = 0; k < org.size(); ++k)
        if (org[k] >= 'A' && org[k] <= 'Z') acronym += org[k];
      if (rng() % 4 == 0) add(EntityType::Organization, acronym, {});
      else add(EntityType::Organization, org, {acronym});
    }
    for (int i = 0; i < 6; ++i) {
      static const char* const kCountries[] = {"United States", "U.S.", "US", "America", "United Kingdom", "Britain"};
      if (rng() % 3 == 0) add(EntityType::Place, kCountries[rng() % 6], {});
      else add(EntityType::Place, universe.places[zipf(rng, universe.places.size())], {});
    }
    // Deduplicate entity names within the article, as extract/ would.
    std::sort(article.entities.begin(), article.entities.end(),
              [](const ArticleEntity& x, const ArticleEntity& y) { return x.name < y.name; });
    article.entities.erase(std::unique(article.entities.begin(), article.entities.end(),
                                       [](const ArticleEntity& x, const ArticleEntity& y) { return x.name == y.name; }),
                           article.entities.end());
    for (std::uint32_t e = 0; e + 1 < article.entities.size(); ++e)
      article.relations.push_back({RelationType::CoOccurs, e, e + 1, {}, {}, {}});
    articles.push_back(std::move(article));
  }
  return articles;
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(static_cast<std::size_t>(std::strtoull(argv[i], nullptr, 10)));
  if (sizes.empty()) sizes = {1250, 2500, 5000, 10000};

  utsname host{};
  uname(&host);
  std::printf("newsgraph bench/resolution: merge_articles on synthetic ArticleGraphs\n");
  std::printf("machine: %s %s, %u cores\n", host.sysname, host.machine, std::max(1u, static_cast<unsigned>(sysconf(_SC_NPROCESSORS_ONLN))));
#ifndef NDEBUG
  std::printf("WARNING: assertions enabled; build with -DCMAKE_BUILD_TYPE=Release for figures\n");
#endif
  // Warm-up (ICU transliterator, allocator).
  merge_articles(make_articles(200, 1));

  std::printf("%8s %9s %7s %11s %11s %14s %12s\n", "articles", "records", "nodes", "mean_ms", "spread_ms",
              "us/record", "ms/(n log2 n)*1e3");
  for (std::size_t n : sizes) {
    const std::vector<ArticleGraph> articles = make_articles(n, 42);
    std::size_t records = 0;
    for (const ArticleGraph& article : articles) records += article.entities.size();
    std::vector<double> runs;
    std::size_t nodes = 0;
    for (int run = 0; run < 3; ++run) {
      const auto start = std::chrono::steady_clock::now();
      const MergedGraph merged = merge_articles(articles);
      runs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      nodes = merged.nodes.size();
    }
    double mean = 0;
    for (double r : runs) mean += r;
    mean /= static_cast<double>(runs.size());
    const auto [lo, hi] = std::minmax_element(runs.begin(), runs.end());
    const double nlogn = static_cast<double>(records) * std::log2(static_cast<double>(records));
    std::printf("%8zu %9zu %7zu %11.1f %11.1f %14.2f %12.4f\n", n, records, nodes, mean, (*hi - *lo) / 2.0,
                1000.0 * mean / static_cast<double>(records), 1000.0 * mean / nlogn);
  }
  std::printf("peak RSS: %.1f MB\n", peak_rss_mb());
  return 0;
}
