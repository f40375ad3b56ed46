#pragma once
// What every Embind file of the module shares (wasm/bindings*.cpp): engine errors handed to JavaScript
// without unwinding through C++, and engine values turned into plain JS values (typed-array copies: nothing
// returned points into wasm memory). Binding only: no model logic here.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstddef>
#include <new>
#include <string>
#include <type_traits>
#include <vector>

#include "core/error.hpp"

namespace tf::wasm {

using emscripten::val;

struct PendingError {
  std::string code, message;
  long long detail = -1, detail2 = -1;
};

// Hands the error of the current call to JavaScript (defined in bindings.cpp with the EM_JS import):
// wasm/bindings.post.js keeps it and throws it once the Embind call has returned. Nothing may throw a JS
// exception from inside C++: it would unwind past the catch block's __cxa_end_catch, the destructors of every
// C++ object on the way (Embind's argument strings and vals) and Embind's own clean-up, leaking heap, shadow
// stack and handles per error.
void record_error(const PendingError& error);

// Runs `fn`. A C++ exception is only copied here; after the catch block has ended, record_error turns the
// copy into a JS Error (a plain call that returns), and `fn`'s caller gets an empty value, never seen by the JS
// API: once the whole Embind call has returned, the wrapper in bindings.post.js throws the Error instead.
template <class Fn>
auto guarded(Fn&& fn) -> decltype(fn()) {
  using Result = decltype(fn());
  PendingError error;
  try {
    if constexpr (std::is_void_v<Result>) {
      fn();
      return;
    } else {
      return fn();
    }
  } catch (const tf::Error& e) {
    error = {e.code(), e.what(), e.detail(), e.detail2()};
  } catch (const std::bad_alloc&) {
    error = {"out_of_memory", "out of memory"};
  } catch (const std::exception& e) {
    error = {"internal", e.what()};
  } catch (...) {
    error = {"internal", "unknown engine error"};
  }
  record_error(error);
  if constexpr (std::is_same_v<Result, val>) {
    return val::undefined();
  } else if constexpr (!std::is_void_v<Result>) {
    return Result{};
  }
}

template <class T>
val typed_array(const char* type, const T* data, std::size_t n) {
  return val::global(type).new_(emscripten::typed_memory_view(n, data));
}
inline val float32(const std::vector<float>& v) { return typed_array("Float32Array", v.data(), v.size()); }
inline val int32(const std::vector<int>& v) { return typed_array("Int32Array", v.data(), v.size()); }
inline val bytes(const std::string& s) {
  return typed_array("Uint8Array", reinterpret_cast<const unsigned char*>(s.data()), s.size());
}
inline val strings(const std::vector<std::string>& v) {
  val out = val::array();
  for (const std::string& s : v) out.call<void>("push", s);
  return out;
}
inline std::vector<int> ids_from(const val& array) { return emscripten::convertJSArrayToNumberVector<int>(array); }

// Sentences (or labels) that arrive as one UTF-8 string joined by '\n' (a sentence has no newline).
inline std::vector<std::string> split_lines(const std::string& joined) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= joined.size(); ++i) {
    if (i == joined.size() || joined[i] == '\n') {
      out.push_back(joined.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

// {data: Float32Array, shape: number[]}
inline val tensor_object(const float* data, const std::vector<std::size_t>& shape) {
  std::size_t n = 1;
  val js_shape = val::array();
  for (std::size_t d : shape) {
    n *= d;
    js_shape.call<void>("push", static_cast<double>(d));
  }
  val out = val::object();
  out.set("data", typed_array("Float32Array", data, n));
  out.set("shape", js_shape);
  return out;
}

}  // namespace tf::wasm
