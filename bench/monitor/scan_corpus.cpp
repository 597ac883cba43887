// Deterministic posts for measuring `vigil monitor scan`: JSON Lines on stdout, about 500 bytes a
// post, a mix of uk / ru / pl / en / ro recruitment offers; 5 % carry lure wording, 20 % belong
// to near-duplicate families (a base text re-posted with a few words changed), contacts are
// written plainly or obfuscated (look-alike letters, number words, spaced digits, "at" e-mails).
// Not a test. Usage: monitor_scan_corpus [posts] [seed] [family-percent] [max-families] >
// posts.jsonl (defaults 100000, 1, 20, no limit; "100 1" gives edits of one post only, the worst
// case for the LSH index).
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

struct Language {
  const char* code;
  std::vector<std::string> sentences;
  std::vector<std::string> lures;
};

const std::vector<Language> kLanguages = {
    {"uk",
     {"Шукаємо працівників на склад у Польщі, житло та дорогу оплачуємо.", "Досвід не потрібен, знання мови теж.",
      "Зарплата від 1 200 євро на місяць, виплати щотижня.", "Виїзд уже цього тижня, місць мало.",
      "Пишіть у Telegram або дзвоніть, відповімо одразу.", "Робота на фабриці з пакування овочів.",
      "Графік змінний, вихідні за домовленістю.", "Надаємо гуртожиток біля роботи.",
      "Потрібні жінки та чоловіки віком до 45 років.", "Офіційне працевлаштування, страхування."},
     {"Паспорт залишаєте у нас на час оформлення.", "Борг за дорогу відпрацюєте на місці.",
      "Дівчата до 25 років, робота хостес, висока оплата."}},
    {"ru",
     {"Требуются работники на завод в Германии, жильё бесплатно.", "Опыт не нужен, язык не обязателен.",
      "Оплата 1 500 евро в месяц, аванс сразу.", "Выезд в ближайшие дни, документы оформим.",
      "Звоните или пишите в Viber.", "Работа на складе, сборка заказов.", "График пять через два, смены по восемь часов.",
      "Проживание в общежитии рядом с работой.", "Берём семейные пары и студентов.", "Оплата каждую неделю наличными."},
     {"Паспорт оставляете у работодателя.", "Долг за билеты вычитается из зарплаты.",
      "Девушки до 25 лет, работа в баре, без опыта."}},
    {"pl",
     {"Praca w magazynie w Holandii, zakwaterowanie zapewnione.", "Bez doświadczenia, bez znajomości języka.",
      "Wynagrodzenie 4 500 zł netto miesięcznie.", "Wyjazd od zaraz, transport gratis.", "Dzwoń lub pisz na WhatsApp.",
      "Praca przy zbiorach truskawek na południu Hiszpanii.", "Umowa o pracę, ubezpieczenie zdrowotne.",
      "Zapewniamy mieszkanie w pokojach dwuosobowych.", "Zaliczki co tydzień po przepracowanych godzinach.",
      "Poszukujemy również par małżeńskich."},
     {"Paszport zostaje u pracodawcy do końca umowy.", "Koszt przejazdu odliczymy od pensji.",
      "Młode dziewczyny do pracy w klubie, wysokie zarobki."}},
    {"en",
     {"Warehouse staff needed in the Netherlands, housing provided.", "No experience and no language needed.",
      "Pay from 1,400 euro a month, weekly advances.", "Departure this week, we arrange the papers.",
      "Call or message us on WhatsApp.", "Fruit picking jobs on farms in southern Spain.",
      "Shifts of eight to ten hours, overtime paid.", "Shared rooms close to the workplace.",
      "Couples and students are welcome to apply.", "Free transport from the border to the site."},
     {"Your passport stays with the agency until the debt is repaid.", "Travel costs are deducted from wages.",
      "Young girls wanted for hostess work abroad, very high pay."}},
    {"ro",
     {"Căutăm muncitori pentru depozit în Germania, cazare gratuită.", "Nu este nevoie de experiență.",
      "Salariu 1 300 euro pe lună, plata săptămânal.", "Plecare imediată, transport asigurat.",
      "Sunați sau scrieți pe WhatsApp.", "Lucru la cules de căpșuni în Spania.", "Program de opt ore, ore suplimentare plătite.",
      "Cazare în camere de două persoane lângă fermă.", "Acceptăm cupluri și studenți.", "Contract de muncă legal."},
     {"Pașaportul rămâne la firmă până la plata datoriei.", "Costul drumului se reține din salariu.",
      "Fete tinere pentru lucru ca hostess, câștiguri mari."}}};

const char* kSources[] = {"telegram", "olx", "facebook", "vk", "jooble"};

std::string Digits(std::mt19937& rng, int count) {
  std::string out;
  for (int index = 0; index < count; ++index) out.push_back(static_cast<char>('0' + rng() % 10));
  return out;
}

// A contact line: plain or obfuscated phone, sometimes an e-mail, handle or link.
std::string Contact(std::mt19937& rng) {
  const std::string subscriber = Digits(rng, 7);
  std::string phone;
  switch (rng() % 6) {
    case 0: phone = "050" + subscriber; break;
    case 1: phone = "+380 67 " + subscriber.substr(0, 3) + " " + subscriber.substr(3, 2) + " " + subscriber.substr(5); break;
    case 2: phone = "(093) " + subscriber.substr(0, 3) + "-" + subscriber.substr(3, 2) + "-" + subscriber.substr(5); break;
    case 3: phone = "O5O " + subscriber; break;  // look-alike letters
    case 4: phone = "нуль п'ять нуль " + subscriber; break;  // number words
    default: phone = "+48 5 0 1 " + subscriber.substr(0, 3) + " " + subscriber.substr(3); break;  // spaced digits
  }
  std::string line = "Тел/tel: " + phone;
  switch (rng() % 5) {
    case 0: line += ", t.me/job_" + std::to_string(rng() % 5000); break;
    case 1: line += ", rekrut" + std::to_string(rng() % 5000) + " (at) gmail dot com"; break;
    case 2: line += " https://example-jobs.pl/oferta/" + std::to_string(rng() % 100000); break;
    case 3: line += ", @hr_" + std::to_string(rng() % 5000); break;
    default: break;
  }
  return line;
}

// The words of a language's sentences, for bodies that differ between posts.
std::vector<std::string> Words(const Language& language) {
  std::vector<std::string> words;
  for (const std::string& sentence : language.sentences) {
    std::size_t pos = 0;
    while (pos < sentence.size()) {
      std::size_t end = sentence.find(' ', pos);
      if (end == std::string::npos) end = sentence.size();
      if (end > pos) words.push_back(sentence.substr(pos, end - pos));
      pos = end + 1;
    }
  }
  return words;
}

// Two stock sentences, then the language's words in random order (so unrelated posts share few
// 3-word shingles), then a contact line.
std::string Body(std::mt19937& rng, const Language& language, bool lure) {
  static std::vector<std::vector<std::string>> words;
  if (words.empty()) {
    for (const Language& each : kLanguages) words.push_back(Words(each));
  }
  const std::vector<std::string>& vocabulary = words[static_cast<std::size_t>(&language - kLanguages.data())];
  std::string text;
  if (lure) text += language.lures[rng() % language.lures.size()] + " ";
  for (int sentence = 0; sentence < 2; ++sentence) text += language.sentences[rng() % language.sentences.size()] + " ";
  while (text.size() < 400) text += vocabulary[rng() % vocabulary.size()] + " ";
  return text + Contact(rng);
}

// Changes about one word in twelve: drops it or swaps it for a number.
std::string Edit(std::mt19937& rng, const std::string& text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(pos, end - pos);
    const unsigned roll = rng() % 24;
    if (roll == 0) {
      // dropped
    } else if (roll == 1) {
      out += std::to_string(rng() % 1000) + " ";
    } else {
      out += word + " ";
    }
    pos = end + 1;
  }
  if (!out.empty()) out.pop_back();
  return out;
}

void AppendJsonString(std::string& out, const std::string& text) {
  out.push_back('"');
  for (char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace

int main(int argc, char** argv) {
  const long posts = argc > 1 ? std::atol(argv[1]) : 100000;
  const unsigned seed = argc > 2 ? static_cast<unsigned>(std::atol(argv[2])) : 1U;
  const long family_percent = argc > 3 ? std::atol(argv[3]) : 20;
  const long max_families = argc > 4 ? std::atol(argv[4]) : posts;
  if (posts <= 0 || family_percent < 0 || family_percent > 100 || max_families < 1) {
    std::fprintf(stderr, "usage: monitor_scan_corpus [posts > 0] [seed] [family-percent 0-100] [max-families > 0]\n");
    return 2;
  }
  std::mt19937 rng(seed);
  std::vector<std::string> family_bases;  // near-duplicate families, each with a base text
  std::string line;
  for (long post = 0; post < posts; ++post) {
    const Language& language = kLanguages[rng() % kLanguages.size()];
    const bool lure = rng() % 20 == 0;  // 5 %
    std::string text;
    if (static_cast<long>(rng() % 100) < family_percent) {  // a family member (a new family one time in eight)
      if (family_bases.empty() || (rng() % 8 == 0 && static_cast<long>(family_bases.size()) < max_families)) {
        family_bases.push_back(Body(rng, language, lure));
      }
      text = Edit(rng, family_bases[rng() % family_bases.size()]);
    } else {
      text = Body(rng, language, lure);
    }
    line.clear();
    line += "{\"id\":" + std::to_string(post) + ",\"source\":\"" + kSources[post % 5] + "\",\"posted_at\":\"2024-0" +
            std::to_string(1 + post % 9) + "-1" + std::to_string(post % 10) + "T10:00:00Z\",\"text\":";
    AppendJsonString(line, text);
    line += "}\n";
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  return 0;
}
