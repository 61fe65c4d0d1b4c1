//===- JsonFields.h - lenient reads of JSON object fields -------*- C++ -*-===//
//
// The worker wire (driver/Wire.cpp) and `merge`'s report reader
// (core/JsonReport.cpp) read fields the same way: a missing or mistyped
// field reads as empty, and the caller checks what it must have.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_CORE_JSONFIELDS_H
#define MPL_CORE_JSONFIELDS_H

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace mpl {

/// \p J[Key] when it is a string, else "".
inline std::string jsonString(const nlohmann::json &J, const char *Key) {
  auto It = J.find(Key);
  return It != J.end() && It->is_string() ? It->get<std::string>() : "";
}

/// The strings of the array \p J[Key] (none when it is not an array).
inline std::vector<std::string> jsonStrings(const nlohmann::json &J,
                                            const char *Key) {
  std::vector<std::string> Out;
  auto It = J.find(Key);
  if (It == J.end() || !It->is_array())
    return Out;
  for (const nlohmann::json &S : *It)
    if (S.is_string())
      Out.push_back(S.get<std::string>());
  return Out;
}

} // namespace mpl

#endif
