#include "codec/xlsform/xlsform.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <map>

namespace vigil::codec::xlsform {
namespace {

using namespace core::identify;

// XLSForm language columns read "label::English (en)".
const std::map<std::string, std::string> kLanguageNames = {
    {"en", "English"}, {"uk", "Ukrainian"}, {"ru", "Russian"},
    {"pl", "Polish"},  {"ro", "Romanian"},  {"ar", "Arabic"}};

std::string LanguageColumn(const std::string& prefix, const std::string& lang) {
  auto name = kLanguageNames.find(lang);
  return prefix + "::" + (name == kLanguageNames.end() ? lang : name->second) + " (" + lang + ")";
}

// Question ids as XLSForm field names: '.' and '-' become '_' (DR-01 -> DR_01,
// safety.danger -> safety_danger) so that ${...} references work the same in every tool.
std::string FieldName(const std::string& id) {
  std::string name = id;
  std::replace(name.begin(), name.end(), '.', '_');
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

SurveyRow Question(const Ruleset& ruleset, const std::string& id, const std::string& type) {
  SurveyRow row{type, FieldName(id), {}, {}, ""};
  for (const auto& [lang, prompts] : ruleset.prompts) {
    auto found = prompts.find(id);
    if (found == prompts.end()) continue;
    row.label[lang] = found->second.prompt;
    row.hint[lang] = found->second.why;
  }
  return row;
}

std::vector<std::string> ProtocolQuestions(const Ruleset& ruleset, const Protocol& protocol) {
  std::vector<std::string> ids;
  for (const auto& question : ruleset.safety) ids.push_back(question.id);
  const std::vector<std::string> items = protocol.items.empty() ? ruleset.QuestionIds() : protocol.items;
  for (const std::string& id : items) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return ids;
}

}  // namespace

Result<std::vector<SurveyRow>> BuildSurvey(const Ruleset& ruleset, const std::string& protocol_id) {
  const Protocol* protocol = ruleset.FindProtocol(protocol_id);
  if (protocol == nullptr) {
    return MakeError(ErrorCode::kInvalidArgument, "no protocol \"" + protocol_id + "\" in " + ruleset.id);
  }
  std::vector<SurveyRow> rows;
  SurveyRow intro{"note", "disclaimer", {}, {}, ""};
  for (const auto& [lang, strings] : ruleset.ui) {
    if (auto text = strings.find("disclaimer"); text != strings.end()) intro.label[lang] = text->second;
  }
  rows.push_back(intro);
  std::vector<std::string> ids = ProtocolQuestions(ruleset, *protocol);
  // The person questions follow the safety check, as in the app.
  const auto after_safety = ids.begin() + static_cast<long>(ruleset.safety.size());
  ids.insert(after_safety, {"person.age", "person.exploitation"});
  for (const std::string& id : ids) {
    const std::string type = id == "person.age"            ? "select_one age"
                             : id == "person.exploitation" ? "select_one exploitation"
                                                           : "select_one answer";
    SurveyRow row = Question(ruleset, id, type);
    for (const Extension& extension : ruleset.extensions) {
      if (extension.id == id && !extension.for_adults) row.relevant = "${person_age} != 'adult'";
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Status WriteXlsForm(const Ruleset& ruleset, const std::string& protocol, const std::string& path) {
  auto rows = BuildSurvey(ruleset, protocol);
  if (!rows) return tl::unexpected(rows.error());
  std::vector<std::string> languages;
  for (const auto& [lang, prompts] : ruleset.prompts) languages.push_back(lang);

  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) return MakeError(ErrorCode::kUnavailable, "cannot create " + path);
  lxw_worksheet* survey = workbook_add_worksheet(workbook, "survey");
  lxw_worksheet* choices = workbook_add_worksheet(workbook, "choices");
  lxw_worksheet* settings = workbook_add_worksheet(workbook, "settings");

  std::vector<std::string> header = {"type", "name"};
  for (const auto& lang : languages) header.push_back(LanguageColumn("label", lang));
  for (const auto& lang : languages) header.push_back(LanguageColumn("hint", lang));
  header.push_back("relevant");
  for (std::size_t col = 0; col < header.size(); ++col) {
    worksheet_write_string(survey, 0, static_cast<lxw_col_t>(col), header[col].c_str(), nullptr);
  }
  lxw_row_t row_idx = 1;
  for (const SurveyRow& row : *rows) {
    lxw_col_t col = 0;
    worksheet_write_string(survey, row_idx, col++, row.type.c_str(), nullptr);
    worksheet_write_string(survey, row_idx, col++, row.name.c_str(), nullptr);
    for (const auto& lang : languages) {
      auto text = row.label.find(lang);
      worksheet_write_string(survey, row_idx, col++, text == row.label.end() ? "" : text->second.c_str(), nullptr);
    }
    for (const auto& lang : languages) {
      auto text = row.hint.find(lang);
      worksheet_write_string(survey, row_idx, col++, text == row.hint.end() ? "" : text->second.c_str(), nullptr);
    }
    worksheet_write_string(survey, row_idx, col, row.relevant.c_str(), nullptr);
    ++row_idx;
  }

  // Choice labels: the answers from the screen strings, the person options from their prompts.
  struct Choice {
    std::string list, name, key, question;  // key: ui key, or question id for options
  };
  const std::vector<Choice> choice_rows = {
      {"answer", "yes", "yes", ""},          {"answer", "no", "no", ""},
      {"answer", "unknown", "unknown", ""},  {"answer", "declined", "declined", ""},
      {"age", "adult", "adult", "person.age"}, {"age", "child", "child", "person.age"},
      {"age", "unknown", "unknown", "person.age"},
      {"exploitation", "labour", "labour", "person.exploitation"},
      {"exploitation", "sexual", "sexual", "person.exploitation"},
      {"exploitation", "unknown", "unknown", "person.exploitation"}};
  worksheet_write_string(choices, 0, 0, "list_name", nullptr);
  worksheet_write_string(choices, 0, 1, "name", nullptr);
  for (std::size_t idx = 0; idx < languages.size(); ++idx) {
    worksheet_write_string(choices, 0, static_cast<lxw_col_t>(2 + idx), LanguageColumn("label", languages[idx]).c_str(), nullptr);
  }
  row_idx = 1;
  for (const Choice& choice : choice_rows) {
    worksheet_write_string(choices, row_idx, 0, choice.list.c_str(), nullptr);
    worksheet_write_string(choices, row_idx, 1, choice.name.c_str(), nullptr);
    for (std::size_t idx = 0; idx < languages.size(); ++idx) {
      std::string text;
      if (choice.question.empty()) {
        auto strings = ruleset.ui.find(languages[idx]);
        if (strings != ruleset.ui.end() && strings->second.contains(choice.key)) text = strings->second.at(choice.key);
      } else {
        auto prompts = ruleset.prompts.find(languages[idx]);
        if (prompts != ruleset.prompts.end() && prompts->second.contains(choice.question)) {
          const auto& options = prompts->second.at(choice.question).options;
          if (options.contains(choice.key)) text = options.at(choice.key);
        }
      }
      worksheet_write_string(choices, row_idx, static_cast<lxw_col_t>(2 + idx), text.c_str(), nullptr);
    }
    ++row_idx;
  }

  const std::string form_id = "vigil_" + FieldName(ruleset.id) + "_" + protocol;
  const std::string title = "Vigil screening: " + ruleset.id + " " + protocol + " (" + ruleset.status + ")";
  const char* settings_header[] = {"form_title", "form_id", "version", "default_language"};
  const std::string settings_row[] = {title, form_id, ruleset.version, LanguageColumn("", "en").substr(2)};
  for (lxw_col_t col = 0; col < 4; ++col) {
    worksheet_write_string(settings, 0, col, settings_header[col], nullptr);
    worksheet_write_string(settings, 1, col, settings_row[col].c_str(), nullptr);
  }
  if (workbook_close(workbook) != LXW_NO_ERROR) {
    return MakeError(ErrorCode::kUnavailable, "cannot write " + path);
  }
  return {};
}

}  // namespace vigil::codec::xlsform
