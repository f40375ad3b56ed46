#pragma once
// A WebAssembly SIMD128 architecture for xsimd 8.1: include this header instead of <xsimd/xsimd.hpp>.
//
// Why: Debian's xsimd 8.1 has no wasm architecture (one arrived in xsimd 10, which we cannot get here).
// This header declares `xsimd::wasm` (an arch like `xsimd::sse2`), a v128_t register for every scalar type,
// and the kernels xsimd's generic layer cannot provide itself, over <wasm_simd128.h>. The generic layer then
// supplies exp/log/tanh/erf/sin/cos/pow/... for batch<T, xsimd::wasm>. Natively (no -msimd128) this header
// only includes <xsimd/xsimd.hpp>.
//
// Under wasm:
//  * name the arch: xsimd::batch<float, xsimd::wasm>. default_arch stays `unavailable` (xsimd 8.1's arch
//    lists cannot be extended), and so aligned_allocator needs an explicit alignment:
//    xsimd::aligned_allocator<float, 16> (the default one aborts at run time).
//  * bitwise_andnot(x, y) is x & ~y (as xsimd 8.1 does on NEON, and later xsimd everywhere).
//  * fma/fms are a multiply then an add: SIMD128 has no fused multiply-add.
//  * batch<std::complex<T>, wasm> is not supported (its loads/stores would need more kernels).
//
// The kernels must be declared before <xsimd/xsimd.hpp> is parsed: xsimd calls them by qualified name
// (kernel::add<A>(...)), which binds at the point of definition. Overload resolution picks them over
// xsimd's generic ones because `wasm` derives from `generic`.
#if defined(__wasm_simd128__)

#include <wasm_simd128.h>

#include <cstdint>
#include <limits>
#include <type_traits>

#include <xsimd/config/xsimd_config.hpp>
#undef XSIMD_NO_SUPPORTED_ARCHITECTURE  // no x86/ARM arch is enabled under wasm: keep the batch types
#include <xsimd/types/xsimd_generic_arch.hpp>
#include <xsimd/types/xsimd_register.hpp>
#include <xsimd/types/xsimd_utils.hpp>  // forward declarations of batch and batch_bool

namespace xsimd {

struct wasm : generic {
  static constexpr bool supported() noexcept { return true; }
  static constexpr bool available() noexcept { return true; }
  static constexpr bool requires_alignment() noexcept { return true; }
  static constexpr std::size_t alignment() noexcept { return 16; }
  static constexpr unsigned version() noexcept { return generic::version(1, 0, 0); }
  static constexpr char const* name() noexcept { return "wasm"; }
};

namespace types {
XSIMD_DECLARE_SIMD_REGISTER(bool, wasm, v128_t);
XSIMD_DECLARE_SIMD_REGISTER(signed char, wasm, v128_t);
XSIMD_DECLARE_SIMD_REGISTER(unsigned char, wasm, v128_t);
XSIMD_DECLARE_SIMD_REGISTER(char, wasm, v128_t);
XSIMD_DECLARE_SIMD_REGISTER(unsigned short, wasm, v128_t);
XSIMD_DECLARE_SIMD_REGISTER(short, wasm, v128_t);
XSIMD_DECLARE_SIMD_REGISTER(unsigned int, wasm, v128_t);
XSIMD_DECLARE_SIMD_REGISTER(int, wasm, v128_t);
XSIMD_DECLARE_SIMD_REGISTER(unsigned long int, wasm, v128_t);
XSIMD_DECLARE_SIMD_REGISTER(long int, wasm, v128_t);
XSIMD_DECLARE_SIMD_REGISTER(unsigned long long int, wasm, v128_t);
XSIMD_DECLARE_SIMD_REGISTER(long long int, wasm, v128_t);
XSIMD_DECLARE_SIMD_REGISTER(float, wasm, v128_t);
XSIMD_DECLARE_SIMD_REGISTER(double, wasm, v128_t);
}  // namespace types

template <class batch_type, bool... Values>
struct batch_bool_constant;
template <class batch_type, typename batch_type::value_type... Values>
struct batch_constant;

namespace kernel {
using namespace types;

// Guards restricting a kernel to scalar lane types T (arithmetic, integral, floating), and lane-type tests.
template <class T>
using wasm_any_t = std::enable_if_t<std::is_arithmetic<T>::value, int>;
template <class T>
using wasm_int_t = std::enable_if_t<std::is_integral<T>::value, int>;
template <class T>
using wasm_float_t = std::enable_if_t<std::is_floating_point<T>::value, int>;
template <class T>
constexpr bool wasm_f32 = std::is_same<T, float>::value;
template <class T>
constexpr bool wasm_f64 = std::is_same<T, double>::value;
template <class T>
constexpr bool wasm_signed = std::is_signed<T>::value;
template <class T>  // a signed integer as wide as T: the lanes of batch_bool<T>
using wasm_mask_t = std::conditional_t<
    sizeof(T) == 1, int8_t,
    std::conditional_t<sizeof(T) == 2, int16_t, std::conditional_t<sizeof(T) == 4, int32_t, int64_t>>>;

// Kernel heads over batch<T, A> a (and b), guarded by G: OP returns a batch, CMP a batch_bool.
// The *_LANE macros expand to `return wasm_<shape>_<op>(args...)` with the shape (f32x4, f64x2, i8x16,
// i16x8, i32x4, i64x2) picked from T: ANY_LANE for ops every shape has, FLOAT_LANE for float/double only,
// INT_LANE for integer ops with signed (i) and unsigned (u) forms, `wide` being the 64-bit lane result.
// clang-format off
#define XSIMD_WASM_OP1(G, name) \
  template <class A, class T, G<T> = 0> \
  inline batch<T, A> name(batch<T, A> const& a, requires_arch<wasm>) noexcept
#define XSIMD_WASM_OP2(G, name) \
  template <class A, class T, G<T> = 0> \
  inline batch<T, A> name(batch<T, A> const& a, batch<T, A> const& b, requires_arch<wasm>) noexcept
#define XSIMD_WASM_CMP(name) \
  template <class A, class T, wasm_any_t<T> = 0> \
  inline batch_bool<T, A> name(batch<T, A> const& a, batch<T, A> const& b, requires_arch<wasm>) noexcept
#define XSIMD_WASM_ANY_LANE(T, op, ...)                                        \
  if constexpr (wasm_f32<T>) return wasm_f32x4_##op(__VA_ARGS__);              \
  else if constexpr (wasm_f64<T>) return wasm_f64x2_##op(__VA_ARGS__);         \
  else if constexpr (sizeof(T) == 1) return wasm_i8x16_##op(__VA_ARGS__);      \
  else if constexpr (sizeof(T) == 2) return wasm_i16x8_##op(__VA_ARGS__);      \
  else if constexpr (sizeof(T) == 4) return wasm_i32x4_##op(__VA_ARGS__);      \
  else return wasm_i64x2_##op(__VA_ARGS__)
#define XSIMD_WASM_FLOAT_LANE(T, op, ...)                                      \
  if constexpr (wasm_f32<T>) return wasm_f32x4_##op(__VA_ARGS__);              \
  else return wasm_f64x2_##op(__VA_ARGS__)
#define XSIMD_WASM_INT_LANE(T, op, wide, ...)                                               \
  if constexpr (sizeof(T) == 1 && wasm_signed<T>) return wasm_i8x16_##op(__VA_ARGS__);      \
  else if constexpr (sizeof(T) == 1) return wasm_u8x16_##op(__VA_ARGS__);                   \
  else if constexpr (sizeof(T) == 2 && wasm_signed<T>) return wasm_i16x8_##op(__VA_ARGS__); \
  else if constexpr (sizeof(T) == 2) return wasm_u16x8_##op(__VA_ARGS__);                   \
  else if constexpr (sizeof(T) == 4 && wasm_signed<T>) return wasm_i32x4_##op(__VA_ARGS__); \
  else if constexpr (sizeof(T) == 4) return wasm_u32x4_##op(__VA_ARGS__);                   \
  else return wide
// clang-format on

/* ---- memory, broadcast, set ---- */
template <class A, class T, wasm_any_t<T> = 0>
inline batch<T, A> load_aligned(T const* p, convert<T>, requires_arch<wasm>) noexcept {
  return wasm_v128_load(p);
}
template <class A, class T, wasm_any_t<T> = 0>
inline batch<T, A> load_unaligned(T const* p, convert<T>, requires_arch<wasm>) noexcept {
  return wasm_v128_load(p);
}
template <class A, class T, wasm_any_t<T> = 0>
inline void store_aligned(T* p, batch<T, A> const& a, requires_arch<wasm>) noexcept {
  wasm_v128_store(p, a);
}
template <class A, class T, wasm_any_t<T> = 0>
inline void store_unaligned(T* p, batch<T, A> const& a, requires_arch<wasm>) noexcept {
  wasm_v128_store(p, a);
}
template <class A, class T, wasm_any_t<T> = 0>
inline batch<T, A> broadcast(T v, requires_arch<wasm>) noexcept {
  XSIMD_WASM_ANY_LANE(T, splat, v);
}
template <class A, class T, class... V, wasm_any_t<T> = 0>
inline batch<T, A> set(batch<T, A> const&, requires_arch<wasm>, V... v) noexcept {
  static_assert(sizeof...(V) == batch<T, A>::size, "one value per lane");
  using L = std::conditional_t<std::is_floating_point<T>::value, T, wasm_mask_t<T>>;  // the *_make argument type
  XSIMD_WASM_ANY_LANE(T, make, static_cast<L>(v)...);
}
template <class A, class T, class... V, wasm_any_t<T> = 0>
inline batch_bool<T, A> set(batch_bool<T, A> const&, requires_arch<wasm>, V... v) noexcept {
  using M = wasm_mask_t<T>;
  return set(batch<M, A>(), A{}, static_cast<M>(v ? -1 : 0)...).data;
}

/* ---- arithmetic ---- */
XSIMD_WASM_OP2(wasm_any_t, add) { XSIMD_WASM_ANY_LANE(T, add, a, b); }
XSIMD_WASM_OP2(wasm_any_t, sub) { XSIMD_WASM_ANY_LANE(T, sub, a, b); }
XSIMD_WASM_OP1(wasm_any_t, neg) { XSIMD_WASM_ANY_LANE(T, neg, a); }
XSIMD_WASM_OP2(wasm_any_t, mul) {
  if constexpr (sizeof(T) == 1) {  // no i8x16.mul: multiply the even and the odd bytes as 16-bit lanes
    v128_t even = wasm_v128_and(wasm_i16x8_mul(a, b), wasm_i16x8_splat(0x00ff));
    v128_t odd = wasm_i16x8_mul(wasm_u16x8_shr(a, 8), wasm_v128_and(b, wasm_i16x8_splat(int16_t(0xff00))));
    return wasm_v128_or(even, odd);
  } else {
    XSIMD_WASM_ANY_LANE(T, mul, a, b);
  }
}
XSIMD_WASM_OP2(wasm_float_t, div) { XSIMD_WASM_FLOAT_LANE(T, div, a, b); }  // integer division: generic, scalar
template <class A, class T, wasm_float_t<T> = 0>
inline batch<T, A> fma(batch<T, A> const& x, batch<T, A> const& y, batch<T, A> const& z, requires_arch<wasm>) noexcept {
  return add(mul(x, y, A{}), z, A{});
}
template <class A, class T, wasm_float_t<T> = 0>
inline batch<T, A> fms(batch<T, A> const& x, batch<T, A> const& y, batch<T, A> const& z, requires_arch<wasm>) noexcept {
  return sub(mul(x, y, A{}), z, A{});
}
XSIMD_WASM_OP1(wasm_any_t, abs) {
  if constexpr (std::is_unsigned<T>::value)
    return a;
  else {
    XSIMD_WASM_ANY_LANE(T, abs, a);
  }
}
XSIMD_WASM_OP1(wasm_float_t, sqrt) { XSIMD_WASM_FLOAT_LANE(T, sqrt, a); }
XSIMD_WASM_OP1(wasm_float_t, rsqrt) { return div(batch<T, A>(T(1)), sqrt(a, A{}), A{}); }  // exact, unlike SSE's

/* ---- comparisons: lanes of all ones (true) or all zeros (false) ---- */
XSIMD_WASM_CMP(eq) { XSIMD_WASM_ANY_LANE(T, eq, a, b); }
XSIMD_WASM_CMP(neq) { XSIMD_WASM_ANY_LANE(T, ne, a, b); }
// Unsigned 64-bit lanes have no lt/le: flip the sign bits, then compare as signed.
#define XSIMD_WASM_ORDER(name)                                                                               \
  XSIMD_WASM_CMP(name) {                                                                                     \
    if constexpr (std::is_floating_point<T>::value) {                                                        \
      XSIMD_WASM_FLOAT_LANE(T, name, a, b);                                                                  \
    } else {                                                                                                 \
      v128_t bias = wasm_i64x2_splat(wasm_signed<T> ? 0 : std::numeric_limits<int64_t>::min());              \
      XSIMD_WASM_INT_LANE(T, name, wasm_i64x2_##name(wasm_v128_xor(a, bias), wasm_v128_xor(b, bias)), a, b); \
    }                                                                                                        \
  }
XSIMD_WASM_ORDER(lt)
XSIMD_WASM_ORDER(le)
#undef XSIMD_WASM_ORDER
XSIMD_WASM_CMP(gt) { return lt(b, a, A{}); }
XSIMD_WASM_CMP(ge) { return le(b, a, A{}); }
template <class A, class T, wasm_float_t<T> = 0>
inline batch_bool<T, A> isnan(batch<T, A> const& a, requires_arch<wasm>) noexcept {
  return neq(a, a, A{});
}
template <class A, class T, wasm_any_t<T> = 0>
inline bool all(batch_bool<T, A> const& m, requires_arch<wasm>) noexcept {
  return wasm_i8x16_all_true(m);
}
template <class A, class T, wasm_any_t<T> = 0>
inline bool any(batch_bool<T, A> const& m, requires_arch<wasm>) noexcept {
  return wasm_v128_any_true(m);
}

/* ---- select, min, max ---- */
template <class A, class T, wasm_any_t<T> = 0>
inline batch<T, A> select(batch_bool<T, A> const& c, batch<T, A> const& t, batch<T, A> const& f,
                          requires_arch<wasm>) noexcept {
  return wasm_v128_bitselect(t, f, c);
}
template <class A, class T, bool... C, wasm_any_t<T> = 0>
inline batch<T, A> select(batch_bool_constant<batch<T, A>, C...> const&, batch<T, A> const& t, batch<T, A> const& f,
                          requires_arch<wasm>) noexcept {
  return select(batch_bool<T, A>{C...}, t, f, A{});
}
// Float pmin/pmax are exactly std::min/std::max (b < a ? b : a), NaN handling included, like SSE's minps.
XSIMD_WASM_OP2(wasm_any_t, min) {
  if constexpr (std::is_floating_point<T>::value) {
    XSIMD_WASM_FLOAT_LANE(T, pmin, a, b);
  } else {
    XSIMD_WASM_INT_LANE(T, min, select(lt(b, a, A{}), b, a, A{}), a, b);
  }
}
XSIMD_WASM_OP2(wasm_any_t, max) {
  if constexpr (std::is_floating_point<T>::value) {
    XSIMD_WASM_FLOAT_LANE(T, pmax, a, b);
  } else {
    XSIMD_WASM_INT_LANE(T, max, select(lt(a, b, A{}), b, a, A{}), a, b);
  }
}

/* ---- bitwise, on batch and on batch_bool ---- */
#define XSIMD_WASM_BITWISE(name, expr)                                                                               \
  XSIMD_WASM_OP2(wasm_any_t, name) { return expr; }                                                                  \
  template <class A, class T, wasm_any_t<T> = 0>                                                                     \
  inline batch_bool<T, A> name(batch_bool<T, A> const& a, batch_bool<T, A> const& b, requires_arch<wasm>) noexcept { \
    return expr;                                                                                                     \
  }
XSIMD_WASM_BITWISE(bitwise_and, wasm_v128_and(a, b))
XSIMD_WASM_BITWISE(bitwise_or, wasm_v128_or(a, b))
XSIMD_WASM_BITWISE(bitwise_xor, wasm_v128_xor(a, b))
XSIMD_WASM_BITWISE(bitwise_andnot, wasm_v128_andnot(a, b))  // a & ~b
#undef XSIMD_WASM_BITWISE
XSIMD_WASM_OP1(wasm_any_t, bitwise_not) { return wasm_v128_not(a); }
template <class A, class T, wasm_any_t<T> = 0>
inline batch_bool<T, A> bitwise_not(batch_bool<T, A> const& a, requires_arch<wasm>) noexcept {
  return wasm_v128_not(a);
}
template <class A, class T, wasm_any_t<T> = 0>
inline batch_bool<T, A> eq(batch_bool<T, A> const& a, batch_bool<T, A> const& b, requires_arch<wasm>) noexcept {
  return wasm_v128_not(wasm_v128_xor(a, b));
}
template <class A, class T, wasm_any_t<T> = 0>
inline batch_bool<T, A> neq(batch_bool<T, A> const& a, batch_bool<T, A> const& b, requires_arch<wasm>) noexcept {
  return wasm_v128_xor(a, b);
}
// Shifts of all lanes by one count (shifts by a batch of counts are xsimd's generic, scalar ones).
template <class A, class T, wasm_int_t<T> = 0>
inline batch<T, A> bitwise_lshift(batch<T, A> const& a, int32_t n, requires_arch<wasm>) noexcept {
  return sizeof(T) == 1   ? wasm_i8x16_shl(a, n)
         : sizeof(T) == 2 ? wasm_i16x8_shl(a, n)
         : sizeof(T) == 4 ? wasm_i32x4_shl(a, n)
                          : wasm_i64x2_shl(a, n);
}
template <class A, class T, wasm_int_t<T> = 0>  // arithmetic for signed lanes, logical for unsigned ones
inline batch<T, A> bitwise_rshift(batch<T, A> const& a, int32_t n, requires_arch<wasm>) noexcept {
  XSIMD_WASM_INT_LANE(T, shr, wasm_signed<T> ? wasm_i64x2_shr(a, n) : wasm_u64x2_shr(a, n), a, n);
}

/* ---- casts and conversions ---- */
template <class A, class T, class U, wasm_any_t<T> = 0, wasm_any_t<U> = 0>
inline batch<U, A> bitwise_cast(batch<T, A> const& a, batch<U, A> const&, requires_arch<wasm>) noexcept {
  return a.data;
}
#define XSIMD_WASM_BOOL_CAST(From, To)                                                             \
  template <class A>                                                                               \
  inline batch_bool<To, A> bool_cast(batch_bool<From, A> const& m, requires_arch<wasm>) noexcept { \
    return m.data;                                                                                 \
  }
XSIMD_WASM_BOOL_CAST(float, int32_t)
XSIMD_WASM_BOOL_CAST(int32_t, float)
XSIMD_WASM_BOOL_CAST(double, int64_t)
XSIMD_WASM_BOOL_CAST(int64_t, double)
#undef XSIMD_WASM_BOOL_CAST
// Each fast_cast overload tells xsimd that batch_cast / to_int / to_float between the two types needs no
// round trip through memory. float -> int truncates and saturates (NaN -> 0); 64-bit lanes convert one by one.
#define XSIMD_WASM_FAST_CAST(From, To, expr)                                                                  \
  template <class A>                                                                                          \
  inline batch<To, A> fast_cast(batch<From, A> const& x, batch<To, A> const&, requires_arch<wasm>) noexcept { \
    return expr;                                                                                              \
  }
XSIMD_WASM_FAST_CAST(int32_t, float, wasm_f32x4_convert_i32x4(x))
XSIMD_WASM_FAST_CAST(uint32_t, float, wasm_f32x4_convert_u32x4(x))
XSIMD_WASM_FAST_CAST(float, int32_t, wasm_i32x4_trunc_sat_f32x4(x))
XSIMD_WASM_FAST_CAST(float, uint32_t, wasm_u32x4_trunc_sat_f32x4(x))
XSIMD_WASM_FAST_CAST(int64_t, double,
                     wasm_f64x2_make(double(wasm_i64x2_extract_lane(x, 0)), double(wasm_i64x2_extract_lane(x, 1))))
XSIMD_WASM_FAST_CAST(double, int64_t,
                     wasm_i64x2_make(int64_t(wasm_f64x2_extract_lane(x, 0)), int64_t(wasm_f64x2_extract_lane(x, 1))))
#undef XSIMD_WASM_FAST_CAST

/* ---- rounding (round(), halves away from zero, is xsimd's generic one over these) ---- */
XSIMD_WASM_OP1(wasm_float_t, floor) { XSIMD_WASM_FLOAT_LANE(T, floor, a); }
XSIMD_WASM_OP1(wasm_float_t, ceil) { XSIMD_WASM_FLOAT_LANE(T, ceil, a); }
XSIMD_WASM_OP1(wasm_float_t, trunc) { XSIMD_WASM_FLOAT_LANE(T, trunc, a); }
XSIMD_WASM_OP1(wasm_float_t, nearbyint) { XSIMD_WASM_FLOAT_LANE(T, nearest, a); }  // halves to even
template <class A>
inline batch<int32_t, A> nearbyint_as_int(batch<float, A> const& a, requires_arch<wasm>) noexcept {
  return wasm_i32x4_trunc_sat_f32x4(wasm_f32x4_nearest(a));
}

/* ---- saturated arithmetic ---- */
// 8/16-bit lanes have instructions. A wrapped 32/64-bit signed result r overflowed when a and b share a sign
// that r lacks (sadd), or when a and b differ in sign and r's differs from a's (ssub); the limit is then
// INT_MAX, or INT_MIN when a < 0.
XSIMD_WASM_OP2(wasm_any_t, sadd) {
  using B = batch<T, A>;
  if constexpr (std::is_floating_point<T>::value) {
    return add(a, b, A{});
  } else if constexpr (sizeof(T) <= 2) {
    XSIMD_WASM_INT_LANE(T, add_sat, B(), a, b);
  } else if constexpr (!wasm_signed<T>) {
    B r = add(a, b, A{});
    return wasm_v128_or(r, lt(r, a, A{}));  // wrapped around: all ones
  } else {
    B r = add(a, b, A{}), limit = (a >> int32_t(8 * sizeof(T) - 1)) ^ B(std::numeric_limits<T>::max());
    return select(((r ^ a) & (r ^ b)) < B(0), limit, r, A{});
  }
}
XSIMD_WASM_OP2(wasm_any_t, ssub) {
  using B = batch<T, A>;
  if constexpr (std::is_floating_point<T>::value) {
    return sub(a, b, A{});
  } else if constexpr (sizeof(T) <= 2) {
    XSIMD_WASM_INT_LANE(T, sub_sat, B(), a, b);
  } else if constexpr (!wasm_signed<T>) {
    return wasm_v128_andnot(sub(a, b, A{}), lt(a, b, A{}));  // borrowed: 0
  } else {
    B r = sub(a, b, A{}), limit = (a >> int32_t(8 * sizeof(T) - 1)) ^ B(std::numeric_limits<T>::max());
    return select(((a ^ b) & (a ^ r)) < B(0), limit, r, A{});
  }
}

/* ---- shuffles and reductions ---- */
XSIMD_WASM_OP2(wasm_any_t, zip_lo) {  // a0 b0 a1 b1 ... from the low halves
  return sizeof(T) == 1   ? wasm_i8x16_shuffle(a, b, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23)
         : sizeof(T) == 2 ? wasm_i16x8_shuffle(a, b, 0, 8, 1, 9, 2, 10, 3, 11)
         : sizeof(T) == 4 ? wasm_i32x4_shuffle(a, b, 0, 4, 1, 5)
                          : wasm_i64x2_shuffle(a, b, 0, 2);
}
XSIMD_WASM_OP2(wasm_any_t, zip_hi) {  // the same from the high halves
  return sizeof(T) == 1   ? wasm_i8x16_shuffle(a, b, 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31)
         : sizeof(T) == 2 ? wasm_i16x8_shuffle(a, b, 4, 12, 5, 13, 6, 14, 7, 15)
         : sizeof(T) == 4 ? wasm_i32x4_shuffle(a, b, 2, 6, 3, 7)
                          : wasm_i64x2_shuffle(a, b, 1, 3);
}
template <class A, class T, wasm_any_t<T> = 0>
inline T hadd(batch<T, A> const& a, requires_arch<wasm>) noexcept {
  if constexpr (sizeof(T) == 4) {  // (a0 + a2) + (a1 + a3)
    batch<T, A> s = add(a, batch<T, A>(wasm_i32x4_shuffle(a, a, 2, 3, 0, 1)), A{});
    s = add(s, batch<T, A>(wasm_i32x4_shuffle(s, s, 1, 0, 3, 2)), A{});
    if constexpr (wasm_f32<T>) return wasm_f32x4_extract_lane(s, 0);
    return static_cast<T>(wasm_i32x4_extract_lane(s, 0));
  }
  alignas(16) T lanes[batch<T, A>::size];
  wasm_v128_store(lanes, a);
  T sum = 0;
  for (T v : lanes) sum += v;
  return sum;
}
template <class A, class T, wasm_float_t<T> = 0>  // lane i of the result is hadd(row[i])
inline batch<T, A> haddp(batch<T, A> const* row, requires_arch<wasm>) noexcept {
  if constexpr (wasm_f64<T>) return wasm_f64x2_add(zip_lo(row[0], row[1], A{}), zip_hi(row[0], row[1], A{}));
  v128_t r01 = wasm_f32x4_add(zip_lo(row[0], row[1], A{}), zip_hi(row[0], row[1], A{}));  // r0 r1 r0 r1
  v128_t r23 = wasm_f32x4_add(zip_lo(row[2], row[3], A{}), zip_hi(row[2], row[3], A{}));  // r2 r3 r2 r3
  return wasm_f32x4_add(wasm_i64x2_shuffle(r01, r23, 0, 2), wasm_i64x2_shuffle(r01, r23, 1, 3));
}
template <class A, class T, uint32_t I0, uint32_t I1, uint32_t I2, uint32_t I3,
          std::enable_if_t<sizeof(T) == 4, int> = 0>
inline batch<T, A> swizzle(batch<T, A> const& a, batch_constant<batch<uint32_t, A>, I0, I1, I2, I3>,
                           requires_arch<wasm>) noexcept {
  return wasm_i32x4_shuffle(a, a, I0, I1, I2, I3);
}
template <class A, class T, uint64_t I0, uint64_t I1, std::enable_if_t<sizeof(T) == 8, int> = 0>
inline batch<T, A> swizzle(batch<T, A> const& a, batch_constant<batch<uint64_t, A>, I0, I1>,
                           requires_arch<wasm>) noexcept {
  return wasm_i64x2_shuffle(a, a, I0, I1);
}

#undef XSIMD_WASM_OP1
#undef XSIMD_WASM_OP2
#undef XSIMD_WASM_CMP
#undef XSIMD_WASM_ANY_LANE
#undef XSIMD_WASM_FLOAT_LANE
#undef XSIMD_WASM_INT_LANE
}  // namespace kernel
}  // namespace xsimd

#endif  // __wasm_simd128__

#include <xsimd/xsimd.hpp>
