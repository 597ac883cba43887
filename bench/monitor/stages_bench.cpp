// Throughput of the monitor's first stages (normalise, language, identifiers) on a generated
// corpus: MB/s of CPU time per stage, one thread. Not a test: figures go to docs/benchmarks.md.
// Usage: monitor_stages_bench [posts] (default 20000, about 500 bytes each).
#include <unicode/uspoof.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "core/monitor/identifiers.hpp"
#include "core/monitor/language.hpp"
#include "core/monitor/normalise.hpp"

namespace {

using vigil::core::monitor::DetectLanguage;
using vigil::core::monitor::IdentifierExtractor;
using vigil::core::monitor::MappedText;
using vigil::core::monitor::Normaliser;

const std::vector<std::vector<std::string>> kSentences = {
    {"Шукаємо працівників на склад у Польщі, житло та дорогу оплачуємо.", "Досвід не потрібен, знання мови теж.",
     "Зарплата від 1 200 євро на місяць, виплати щотижня.", "Виїзд уже цього тижня, місць мало.",
     "Пишіть у Telegram або дзвоніть, відповімо одразу."},
    {"Требуются работники на завод в Германии, жильё бесплатно.", "Опыт не нужен, язык не обязателен.",
     "Оплата 1 500 евро в месяц, аванс сразу.", "Выезд в ближайшие дни, документы оформим.",
     "Звоните или пишите в Viber."},
    {"Praca w magazynie w Holandii, zakwaterowanie zapewnione.", "Bez doświadczenia, bez znajomości języka.",
     "Wynagrodzenie 4 500 zł netto miesięcznie.", "Wyjazd od zaraz, transport gratis.", "Dzwoń lub pisz na WhatsApp."},
    {"Warehouse staff needed in the Netherlands, housing provided.", "No experience and no language needed.",
     "Pay from 1,400 euro a month, weekly advances.", "Departure this week, we arrange the papers.",
     "Call or message us on WhatsApp."},
    {"Căutăm muncitori pentru depozit în Germania, cazare gratuită.", "Nu este nevoie de experiență.",
     "Salariu 1 300 euro pe lună, plata săptămânal.", "Plecare imediată, transport asigurat.",
     "Sunați sau scrieți pe WhatsApp."}};

std::string Phone(std::mt19937& rng) {
  std::uniform_int_distribution<int> digit(0, 9);
  std::string subscriber;
  for (int index = 0; index < 7; ++index) subscriber.push_back(static_cast<char>('0' + digit(rng)));
  switch (rng() % 5) {
    case 0: return "050" + subscriber;
    case 1: return "+380 67 " + subscriber.substr(0, 3) + " " + subscriber.substr(3, 2) + " " + subscriber.substr(5);
    case 2: return "(093) " + subscriber.substr(0, 3) + "-" + subscriber.substr(3, 2) + "-" + subscriber.substr(5);
    case 3: return "O5O " + subscriber;  // look-alike letters
    default: return "нуль п'ять нуль " + subscriber;
  }
}

std::vector<std::string> MakeCorpus(int posts) {
  std::mt19937 rng(7);
  std::vector<std::string> corpus;
  corpus.reserve(static_cast<std::size_t>(posts));
  for (int post = 0; post < posts; ++post) {
    const auto& language = kSentences[rng() % kSentences.size()];
    std::string text;
    while (text.size() < 420) {
      text += language[rng() % language.size()];
      text += ' ';
    }
    text += "Тел/tel: " + Phone(rng);
    if (rng() % 4 == 0) text += ", t.me/job_" + std::to_string(rng() % 1000) + " https://example-jobs.pl/oferta/" + std::to_string(rng() % 100000);
    corpus.push_back(std::move(text));
  }
  return corpus;
}

double CpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

void Report(const char* stage, double bytes, int posts, const std::function<void()>& run) {
  const double start = CpuSeconds();
  run();
  const double seconds = CpuSeconds() - start;
  std::printf("%-44s %9.1f MB/s %11.0f posts/s %8.3f s CPU\n", stage, bytes / seconds / 1e6, posts / seconds, seconds);
}

}  // namespace

int main(int argc, char** argv) {
  const int posts = argc > 1 ? std::atoi(argv[1]) : 20000;
  const std::vector<std::string> corpus = MakeCorpus(posts);
  double bytes = 0;
  for (const auto& text : corpus) bytes += static_cast<double>(text.size());
  std::printf("corpus: %d posts, %.1f MB, %.0f bytes per post\n", posts, bytes / 1e6, bytes / posts);

  auto normaliser = Normaliser::Create();
  auto extractor = IdentifierExtractor::Create({{"UA", "PL"}, {{380, "77", 9, "bench", false}}, {"facebook.com"}});
  if (!normaliser || !extractor) return 2;
  std::vector<MappedText> folded(corpus.size());
  std::vector<MappedText> digits(corpus.size());
  std::size_t sink = 0;

  // Warm the per-character caches once, as a long-running scan would.
  for (const auto& text : corpus) sink += normaliser->Skeleton(normaliser->Fold(text)).text().size();

  Report("fold (NFKC casefold, offsets)", bytes, posts, [&] {
    for (std::size_t index = 0; index < corpus.size(); ++index) folded[index] = normaliser->Fold(corpus[index]);
  });
  Report("needs-skeleton check", bytes, posts, [&] {
    for (const auto& text : folded) sink += normaliser->NeedsSkeleton(text.text()) ? 1 : 0;
  });
  Report("skeleton, per-character cache (every post)", bytes, posts, [&] {
    for (const auto& text : folded) sink += normaliser->Skeleton(text).text().size();
  });
  UErrorCode status = U_ZERO_ERROR;
  USpoofChecker* spoof = uspoof_open(&status);
  std::vector<char> buffer(1 << 16);
  Report("skeleton, uspoof_getSkeletonUTF8 whole text", bytes, posts, [&] {
    for (const auto& text : folded) {
      UErrorCode call = U_ZERO_ERROR;
      sink += static_cast<std::size_t>(uspoof_getSkeletonUTF8(spoof, 0, text.text().data(), static_cast<int32_t>(text.text().size()),
                                                               buffer.data(), static_cast<int32_t>(buffer.size()), &call));
    }
  });
  uspoof_close(spoof);
  Report("digit de-obfuscation", bytes, posts, [&] {
    for (std::size_t index = 0; index < folded.size(); ++index) digits[index] = normaliser->DeobfuscateDigits(folded[index]);
  });
  Report("language, CLD2 on 1 KiB prefix", bytes, posts, [&] {
    for (const auto& text : corpus) sink += DetectLanguage(text).code.size();
  });
  Report("language, CLD2 on 128-byte prefix", bytes, posts, [&] {
    for (const auto& text : corpus) sink += DetectLanguage(text, 128).code.size();
  });
  std::size_t identifiers = 0;
  Report("identifiers (given folded and digit forms)", bytes, posts, [&] {
    for (std::size_t index = 0; index < corpus.size(); ++index) {
      identifiers += extractor->Extract(corpus[index], folded[index], digits[index], std::string("UA")).size();
    }
  });
  Report("all three stages from raw text", bytes, posts, [&] {
    for (const auto& text : corpus) {
      const MappedText fold = normaliser->Fold(text);
      const MappedText digit_form = normaliser->DeobfuscateDigits(fold);
      sink += extractor->Extract(text, fold, digit_form, std::string("UA")).size();
      sink += DetectLanguage(text).code.size();
    }
  });
  std::printf("identifiers found: %zu (%.2f per post); checksum %zu\n", identifiers, double(identifiers) / posts, sink);
  return 0;
}
