// Deterministic posts for measuring `vigil monitor scan`: JSON Lines on stdout, about 500 bytes of
// text a post, a mix of uk / ru / pl / en / ro recruitment offers; 5 % carry lure wording (the rest
// holds no lexicon phrase), 20 % belong to near-duplicate families (a base text re-posted with
// about one word in twelve dropped or replaced by a number); contacts are written plainly or
// obfuscated (Latin or Cyrillic look-alike letters, number words, full-width or spaced digits,
// "(at) … dot com" e-mails); every post carries the region hint "UA" (most numbers are national
// Ukrainian ones). The generated mix (posts per language, lure and family shares, mean
// bytes) goes to stderr. Not a test. Usage: monitor_scan_corpus [posts] [seed] [family-percent]
// [max-families] > posts.jsonl (defaults 100000, 1, 20, no limit; "100 1" gives edits of one post
// only, the worst case for the LSH index).
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

// Neutral sentences hold no lexicon phrase; each lure sentence matches at least one lexicon entry
// (checked by bench/monitor/run.sh through the lure share the stage benchmark measures).
const std::vector<Language> kLanguages = {
    {"uk",
     {"Робота на фабриці з пакування овочів.", "Графік змінний, вихідні за домовленістю.",
      "Надаємо гуртожиток біля роботи.", "Потрібні жінки та чоловіки віком до 45 років.",
      "Офіційне працевлаштування, страхування.", "Зарплата від 1 200 євро на місяць, виплати щотижня.",
      "Пишіть у Telegram або дзвоніть, відповімо одразу.", "Робота на складі у Вроцлаві, сортування товарів.",
      "Оплата погодинна згідно з договором, податки сплачує роботодавець.",
      "Потрібен досвід роботи з навантажувачем від одного року.", "Співбесіда в офісі компанії у Львові щовівторка.",
      "Компанія працює на ринку понад десять років.", "Надішліть резюме з коротким описом попередньої роботи."},
     {"Досвід не потрібен, знання мови теж.", "Шукаємо працівників на склад у Польщі, житло та дорогу оплачуємо.",
      "Паспорт залишаєте у нас на час оформлення.", "Борг за дорогу відпрацюєте на місці.",
      "Дівчата до 25 років, робота хостес, висока оплата."}},
    {"ru",
     {"Оплата 1 500 евро в месяц, аванс сразу.", "Звоните или пишите в Viber.", "Работа на складе, сборка заказов.",
      "График пять через два, смены по восемь часов.", "Проживание в общежитии рядом с работой.",
      "Берём семейные пары и студентов.", "Оплата каждую неделю наличными.",
      "Нужен опыт работы на погрузчике от одного года.", "Собеседование в офисе компании во вторник.",
      "Компания работает в логистике больше десяти лет.", "Официальный договор, медицинская страховка, отпуск.",
      "Отправьте резюме с кратким описанием прошлой работы.", "Работа на линии упаковки овощей и фруктов."},
     {"Требуются работники на завод в Германии, жильё бесплатно.", "Опыт не нужен, язык не обязателен.",
      "Паспорт оставляете у работодателя.", "Перед выездом предоплата 300 евро за оформление.",
      "Девушки до 25 лет, работа в баре, без опыта."}},
    {"pl",
     {"Praca w magazynie w Holandii, zakwaterowanie zapewnione.", "Wynagrodzenie 4 500 zł netto miesięcznie.",
      "Praca przy zbiorach truskawek na południu Hiszpanii.", "Umowa o pracę, ubezpieczenie zdrowotne.",
      "Zapewniamy mieszkanie w pokojach dwuosobowych.", "Zaliczki co tydzień po przepracowanych godzinach.",
      "Poszukujemy również par małżeńskich.", "Wymagane uprawnienia na wózek widłowy i rok praktyki.",
      "Rozmowy kwalifikacyjne w biurze w Poznaniu we wtorki.", "Firma działa w branży logistycznej od ponad dziesięciu lat.",
      "Prześlij CV z krótkim opisem poprzednich miejsc pracy.", "Praca zmianowa, osiem godzin dziennie.",
      "Płatne nadgodziny i premia frekwencyjna."},
     {"Bez doświadczenia, bez znajomości języka.", "Dzwoń lub pisz na WhatsApp.",
      "Po przyjeździe oddajesz paszport koordynatorowi.", "Przed wyjazdem przedpłata 150 euro za załatwienie papierów.",
      "Młode dziewczyny do pracy w klubie, wysokie zarobki."}},
    {"en",
     {"Warehouse staff needed in the Netherlands, housing provided.", "Pay from 1,400 euro a month, weekly advances.",
      "Call or message us on WhatsApp.", "Fruit picking jobs on farms in southern Spain.",
      "Shifts of eight to ten hours, overtime paid.", "Shared rooms close to the workplace.",
      "Couples and students are welcome to apply.", "Forklift licence and two years of practice required.",
      "Interviews at our office in Warsaw every Tuesday.", "Employment contract, health insurance and paid holidays.",
      "The company has worked in logistics for over ten years.", "Send your CV with a short description of previous jobs.",
      "Packing line work in a vegetable processing plant."},
     {"No experience and no language needed.", "Departure this week, we arrange the papers.",
      "Free transport from the border to the site.", "On arrival you hand over your passport to our coordinator.",
      "A registration fee of 150 euros is due before departure.", "Young girls wanted for hostess work abroad, very high pay."}},
    {"ro",
     {"Nu este nevoie de experiență.", "Salariu 1 300 euro pe lună, plata săptămânal.",
      "Plecare imediată, transport asigurat.", "Lucru la cules de căpșuni în Spania.",
      "Program de opt ore, ore suplimentare plătite.", "Cazare în camere de două persoane lângă fermă.",
      "Acceptăm cupluri și studenți.", "Contract de muncă legal.", "Interviuri la biroul din Cluj în fiecare marți.",
      "Firma lucrează în logistică de peste zece ani.", "Trimiteți CV-ul cu o scurtă descriere a locurilor de muncă anterioare.",
      "Asigurare medicală și concediu plătit.", "Lucru la linia de ambalare a legumelor."},
     {"Căutăm muncitori pentru depozit în Germania, cazare gratuită.", "Sunați sau scrieți pe WhatsApp.",
      "Pașaportul rămâne la firmă până la plata datoriei.", "Costul drumului se reține din salariu.",
      "Fete tinere pentru lucru ca hostess, câștiguri mari."}}};

const char* kSources[] = {"telegram", "olx", "facebook", "vk", "jooble"};

std::string Digits(std::mt19937& rng, int count) {
  std::string out;
  for (int index = 0; index < count; ++index) out.push_back(static_cast<char>('0' + rng() % 10));
  return out;
}

// Full-width forms of the ASCII digits of `digits` (U+FF10..U+FF19, three bytes each).
std::string FullWidth(const std::string& digits) {
  std::string out;
  for (char digit : digits) out += std::string("\xEF\xBC") + static_cast<char>('\x90' + (digit - '0'));
  return out;
}

// A contact line: a phone written plainly or obfuscated, sometimes an e-mail, handle or link.
// Numbers take one of twelve Ukrainian or ten Polish mobile prefixes and other values come from a
// space of 10^8, so unrelated posts rarely share one (a family's copies share their base's
// contact line, edits aside).
std::string Contact(std::mt19937& rng) {
  static const char* const kUkrainian[] = {"050", "063", "066", "067", "068", "073", "093", "095", "096", "097", "098", "099"};
  static const char* const kPolish[] = {"501", "502", "505", "510", "530", "601", "660", "690", "780", "880"};
  static const char* const kDigitWords[] = {"нуль", "один", "два", "три", "чотири", "п'ять", "шість", "сім", "вісім", "дев'ять"};
  const std::string code = kUkrainian[rng() % 12];
  const std::string subscriber = Digits(rng, 7);
  std::string phone;
  switch (rng() % 8) {
    case 0: phone = code + subscriber; break;
    case 1: phone = "+380 " + code.substr(1) + " " + subscriber.substr(0, 3) + " " + subscriber.substr(3, 2) + " " + subscriber.substr(5); break;
    case 2: phone = "(" + code + ") " + subscriber.substr(0, 3) + "-" + subscriber.substr(3, 2) + "-" + subscriber.substr(5); break;
    case 3: phone = "O" + code.substr(1) + " " + subscriber; break;  // Latin look-alike letter
    case 4: phone = "\xD0\x9E" + code.substr(1) + " " + subscriber; break;  // Cyrillic О for 0
    case 5:  // number words
      for (char digit : code) phone += std::string(kDigitWords[digit - '0']) + " ";
      phone += subscriber;
      break;
    case 6: phone = FullWidth(code) + " " + FullWidth(subscriber); break;
    default: {  // spaced digits
      const std::string polish = kPolish[rng() % 10];
      phone = std::string("+48 ") + polish[0] + " " + polish[1] + " " + polish[2] + " " + subscriber.substr(0, 3) + " " + subscriber.substr(3, 3);
    }
  }
  std::string line = "Тел/tel: " + phone;
  const std::string number = std::to_string(rng() % 100000000);
  switch (rng() % 5) {
    case 0: line += ", t.me/job_" + number; break;
    case 1: line += ", rekrut" + number + " (at) gmail dot com"; break;
    case 2: line += " https://example-jobs.pl/oferta/" + number; break;
    case 3: line += ", @hr_" + number; break;
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

// Text bytes before the contact line: with it, posts average about 500 bytes of text.
constexpr std::size_t kBodyBytes = 455;

// A lure sentence (for lures), two neutral sentences, then the language's neutral words in random
// order (so unrelated posts share few 3-word shingles), then a contact line.
std::string Body(std::mt19937& rng, const Language& language, bool lure) {
  static std::vector<std::vector<std::string>> words;
  if (words.empty()) {
    for (const Language& each : kLanguages) words.push_back(Words(each));
  }
  const std::vector<std::string>& vocabulary = words[static_cast<std::size_t>(&language - kLanguages.data())];
  std::string text;
  if (lure) text += language.lures[rng() % language.lures.size()] + " ";
  for (int sentence = 0; sentence < 2; ++sentence) text += language.sentences[rng() % language.sentences.size()] + " ";
  while (text.size() < kBodyBytes) text += vocabulary[rng() % vocabulary.size()] + " ";
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
  struct Family {
    std::string base;
    std::size_t language = 0;
    bool lure = false;
  };
  std::mt19937 rng(seed);
  std::vector<Family> families;  // near-duplicate families, each with a base text (never posted itself)
  // What was generated, for the mix line on stderr.
  std::vector<long> per_language(kLanguages.size(), 0);
  long lures = 0, family_posts = 0;
  double text_bytes = 0, line_bytes = 0;
  std::string line;
  for (long post = 0; post < posts; ++post) {
    std::size_t language = rng() % kLanguages.size();
    bool lure = rng() % 20 == 0;  // 5 %
    std::string text;
    if (static_cast<long>(rng() % 100) < family_percent) {  // a family member (a new family one time in eight)
      if (families.empty() || (rng() % 8 == 0 && static_cast<long>(families.size()) < max_families)) {
        families.push_back({Body(rng, kLanguages[language], lure), language, lure});
      }
      const Family& family = families[rng() % families.size()];
      text = Edit(rng, family.base);
      language = family.language;
      lure = family.lure;
      ++family_posts;
    } else {
      text = Body(rng, kLanguages[language], lure);
    }
    ++per_language[language];
    lures += lure ? 1 : 0;
    text_bytes += static_cast<double>(text.size());
    line.clear();
    line += "{\"id\":" + std::to_string(post) + ",\"source\":\"" + kSources[post % 5] + "\",\"posted_at\":\"2024-0" +
            std::to_string(1 + post % 9) + "-1" + std::to_string(post % 10) + "T10:00:00Z\",\"region\":\"UA\",\"text\":";
    AppendJsonString(line, text);
    line += "}\n";
    line_bytes += static_cast<double>(line.size());
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  std::fprintf(stderr, "generated: posts %ld; languages", posts);
  for (std::size_t index = 0; index < kLanguages.size(); ++index) {
    std::fprintf(stderr, " %s %ld", kLanguages[index].code, per_language[index]);
  }
  std::fprintf(stderr, "; lure posts %ld (%.2f %%); family posts %ld (%.2f %%) in %zu families; mean text %.0f bytes, mean line %.0f bytes\n",
               lures, 100.0 * static_cast<double>(lures) / static_cast<double>(posts), family_posts,
               100.0 * static_cast<double>(family_posts) / static_cast<double>(posts), families.size(),
               text_bytes / static_cast<double>(posts), line_bytes / static_cast<double>(posts));
  return 0;
}
