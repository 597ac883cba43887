#include "codec/yaml/indicators_yaml.hpp"

#include "codec/yaml/yaml_reader.hpp"

namespace vigil::codec::yaml {

Result<core::warn::Catalogue> ParseIndicatorsYaml(const std::string& file_name,
                                                  const std::string& text) {
  std::vector<FileProblem> problems;
  auto root = LoadYamlMapping(file_name, text, problems);
  if (!root)
    return MakeError(ErrorCode::kInvalidArgument, ErrorsText(problems), "invalid-catalogue");
  FileReader reader(file_name, problems);
  std::vector<core::warn::IndicatorDraft> drafts;
  const YAML::Node list = (*root)["indicators"];
  if (!list.IsDefined() || !list.IsSequence()) {
    reader.Error(*root, "\"indicators\" must be a list");
  } else {
    for (const auto& node : list) {
      if (!node.IsMap()) {
        reader.Error(node, "each indicator must be a mapping");
        continue;
      }
      core::warn::IndicatorDraft draft;
      draft.line = node.Mark().line + 1;
      draft.id = reader.Text(node, "id");
      draft.family = reader.Text(node, "family");
      draft.name = reader.Text(node, "name");
      draft.unit = reader.Text(node, "unit");
      draft.period = reader.Text(node, "period");
      draft.detector = reader.Text(node, "detector");
      draft.description = reader.Text(node, "description", false);
      const YAML::Node params = node["params"];
      if (params.IsDefined() && !params.IsNull()) {
        if (!params.IsMap()) {
          reader.Error(params,
                       draft.id + ": \"params\" must be a mapping of R parameter names to values");
        } else {
          for (const auto& param : params) {
            if (!param.second.IsScalar()) {
              reader.Error(param.second,
                           draft.id + ": parameter values must be single values (text)");
              continue;
            }
            draft.params.push_back({param.first.as<std::string>(""), param.second.Scalar()});
          }
        }
      }
      const YAML::Node source = node["source"];
      if (!source.IsDefined() || !source.IsMap()) {
        reader.Error(node, draft.id + ": \"source\" must be a mapping with key and url");
      } else {
        draft.source_key = reader.Text(source, "key");
        draft.source_url = reader.Text(source, "url");
      }
      const std::string verified = reader.Text(node, "verified");
      if (verified == "true") {
        draft.verified = true;
      } else if (verified != "false" && !verified.empty()) {
        reader.Error(node["verified"], draft.id + ": verified must be true or false");
      }
      drafts.push_back(std::move(draft));
    }
  }
  if (HasErrors(problems)) {
    return MakeError(ErrorCode::kInvalidArgument, ErrorsText(problems), "invalid-catalogue");
  }
  return core::warn::ValidateCatalogue(drafts, file_name);
}

}  // namespace vigil::codec::yaml
