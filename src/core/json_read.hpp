#pragma once
// Reading settings out of JSON without undefined behaviour or foreign exceptions.
//
// nlohmann's get<int>() of 1e10 or get<float>() of 1e300 converts an out-of-range double (undefined
// behaviour), and get<std::string>() of a number throws its own type_error. These helpers read every
// number as a double first, check it is finite, whole where an integer is wanted, and in range, and only
// then convert; any problem is a tf::Error with the caller's code and the field's name.
//
//   const int steps = json_read::integer(meta, "steps", "checkpoint_corrupt", 0, INT_MAX);
#include <cmath>
#include <limits>
#include <string>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace tf::json_read {

// j[key] must be a finite number.
inline double number(const nlohmann::json& j, const std::string& key, const char* code) {
  const nlohmann::json& v = j.at(key);
  if (!v.is_number() || v.is_discarded()) throw Error(code, key + " must be a number");
  const double d = v.get<double>();  // any JSON number converts to double without UB (it may round)
  if (!std::isfinite(d)) throw Error(code, key + " must be a finite number");
  return d;
}

// j[key] must be a whole number in [lo, hi].
inline long long integer(const nlohmann::json& j, const std::string& key, const char* code, long long lo,
                         long long hi) {
  const double d = number(j, key, code);
  if (std::floor(d) != d) throw Error(code, key + " must be a whole number");
  if (!(d >= static_cast<double>(lo) && d <= static_cast<double>(hi))) {
    throw Error(code, key + " must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]", -1, hi);
  }
  return static_cast<long long>(d);
}

// j[key] must be a number that a float can hold (|x| <= FLT_MAX).
inline float single(const nlohmann::json& j, const std::string& key, const char* code) {
  const double d = number(j, key, code);
  if (std::fabs(d) > static_cast<double>(std::numeric_limits<float>::max())) {
    throw Error(code, key + " is out of range");
  }
  return static_cast<float>(d);
}

inline std::string string(const nlohmann::json& j, const std::string& key, const char* code) {
  const nlohmann::json& v = j.at(key);
  if (!v.is_string()) throw Error(code, key + " must be a string");
  return v.get<std::string>();
}

inline bool boolean(const nlohmann::json& j, const std::string& key, const char* code) {
  const nlohmann::json& v = j.at(key);
  if (!v.is_boolean()) throw Error(code, key + " must be true or false");
  return v.get<bool>();
}

}  // namespace tf::json_read
