// Shared reading helpers for Vigil's YAML data files (rulesets, knowledge content): problems
// named by file and line, typed access that reports what is missing or malformed.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

namespace vigil::codec::yaml {

struct FileProblem {
  std::string file;
  int line = 0;  // 1-based; 0 when the problem concerns the whole file
  std::string message;
  bool is_error = true;  // false: a note (e.g. a translation listed as missing)
};

// True when any problem is an error.
[[nodiscard]] bool HasErrors(const std::vector<FileProblem>& problems);
// The errors (notes left out), one per line as "file:line: message".
[[nodiscard]] std::string ErrorsText(const std::vector<FileProblem>& problems);

// Collects problems for one file; reads typed values with line numbers.
class FileReader {
 public:
  FileReader(std::string file, std::vector<FileProblem>& problems)
      : file_(std::move(file)), problems_(problems) {}

  void Error(const YAML::Node& node, const std::string& message);
  void Note(const YAML::Node& node, const std::string& message);
  // The scalar at `node[key]`; an error naming `key` when required and missing, or not a scalar.
  std::string Text(const YAML::Node& node, const std::string& key, bool required = true);
  // The list of scalars at `node[key]` (empty when absent); errors for non-scalar items.
  std::vector<std::string> List(const YAML::Node& node, const std::string& key);
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<FileProblem>& problems_;
};

// Parses `text` as a YAML mapping; nullopt (with a problem naming the line) otherwise.
[[nodiscard]] std::optional<YAML::Node> LoadYamlMapping(const std::string& file_name,
                                                        const std::string& text,
                                                        std::vector<FileProblem>& problems);

}  // namespace vigil::codec::yaml
