// `vigil knowledge check`.
#include <iostream>

#include "cli/commands.hpp"
#include "codec/yaml/knowledge_yaml.hpp"
#include "storage/file/content_files.hpp"

namespace vigil::cli {

int RunKnowledgeCheck(const app::Settings& settings, log::Logger& /*logger*/) {
  auto files = storage::file::ReadContentFiles(settings.data);
  if (!files) return ReportError(files.error());
  const auto load = codec::yaml::ParseKnowledge(*files);
  int errors = 0;
  int notes = 0;
  for (const auto& problem : load.problems) {
    std::cout << problem.file;
    if (problem.line > 0) std::cout << ":" << problem.line;
    std::cout << ": " << (problem.is_error ? "error" : "note") << ": " << problem.message << "\n";
    (problem.is_error ? errors : notes) += 1;
  }
  if (!load.knowledge) {
    std::cout << "knowledge: " << errors << " problem(s) found\n";
    return kExitFailure;
  }
  std::size_t items = 0;
  for (const auto& topic : load.knowledge->TopicIds()) {
    items += load.knowledge->Find("en", topic)->items.size();
  }
  std::cout << "knowledge OK: " << load.knowledge->TopicIds().size() << " topics, " << items
            << " items, " << load.knowledge->Languages().size() << " languages, "
            << load.knowledge->Hotlines().size() << " hotlines, " << notes << " note(s)\n";
  return kExitOk;
}

}  // namespace vigil::cli
