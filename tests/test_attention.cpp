// The attention core (layers/attention.hpp): the worked examples, the SIMD core against its scalar `_ref`
// twin for causal self-attention, encoder self-attention with key padding and decoder cross-attention
// (Tq != Tk), probabilities and masks, gradients by central differences in three memory layouts (separate
// q/k/v buffers with their own strides, GPT's packed qkv, a decoder's packed kv), overwrite against
// accumulate, and the GPT compatibility wrapper.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "grad_check.hpp"
#include "layers/attention.hpp"

using tf::test::central_difference_error;
using tf::test::code_of;
using tf::test::normal_vector;
using tf::test::weighted_sum;

namespace {

using Buffers = std::vector<std::vector<float>>;

// Owned storage for an AttentionCache.
struct Cache {
  std::vector<float> q, k, v, att, y, pre;
  explicit Cache(const tf::AttentionShape& s) {
    const std::size_t D = s.C / s.H, BH = static_cast<std::size_t>(s.B) * s.H;
    q.assign(BH * s.Tq * D, NAN);
    k.assign(BH * s.Tk * D, NAN);
    v.assign(BH * s.Tk * D, NAN);
    y.assign(BH * s.Tq * D, NAN);
    att.assign(BH * s.Tq * s.Tk, NAN);
    pre.assign(att.size(), NAN);
  }
  tf::AttentionCache view(bool with_preatt = true) {
    return {q.data(), k.data(), v.data(), att.data(), y.data(), with_preatt ? pre.data() : nullptr};
  }
};

// Where Q, K or V lives: which buffer, the offset of row 0 and the stride between rows.
struct Slot {
  int buf, offset, stride;
};

enum class Layout {
  Separate,  // three buffers, strides C+3, C+1, C+5 with unused floats between rows
  Packed,    // GPT: one (B, T, 3C) qkv buffer (self-attention only)
  KvPacked,  // a decoder's cross-attention: q (B, Tq, C), and keys/values in one (B, Tk, 2C) buffer
};

const char* to_string(Layout l) {
  return l == Layout::Separate ? "separate q/k/v" : l == Layout::Packed ? "packed qkv" : "packed kv";
}

// One attention problem: shape, mask, inputs in some layout and the weights r of the loss Σ out ⊙ r.
struct Problem {
  tf::AttentionShape s;
  bool causal = false;
  std::vector<unsigned char> pad;  // (B, Tk), or empty for no key padding
  Slot q, k, v;
  Buffers x;
  std::vector<float> r;

  int D() const { return s.C / s.H; }
  tf::AttentionMask mask() const { return {causal, pad.empty() ? nullptr : pad.data()}; }
  tf::AttentionInput input() const {
    return {x[q.buf].data() + q.offset, q.stride, x[k.buf].data() + k.offset, k.stride,
            x[v.buf].data() + v.offset, v.stride};
  }
  static tf::AttentionGrads grads(const Problem& p, Buffers& g) {
    return {g[p.q.buf].data() + p.q.offset, p.q.stride, g[p.k.buf].data() + p.k.offset, p.k.stride,
            g[p.v.buf].data() + p.v.offset, p.v.stride};
  }
  Buffers filled(float value) const {
    Buffers g;
    for (const auto& b : x) g.emplace_back(b.size(), value);
    return g;
  }
  // true for the floats of the buffers that hold some row of Q, K or V (not the gaps between rows)
  std::vector<std::vector<bool>> used() const {
    std::vector<std::vector<bool>> u;
    for (const auto& b : x) u.emplace_back(b.size(), false);
    auto mark = [&](const Slot& sl, int rows) {
      for (int row = 0; row < rows; ++row)
        for (int c = 0; c < s.C; ++c) u[sl.buf][sl.offset + static_cast<std::size_t>(row) * sl.stride + c] = true;
    };
    mark(q, s.B * s.Tq);
    mark(k, s.B * s.Tk);
    mark(v, s.B * s.Tk);
    return u;
  }
  bool masked(int b, int t, int j) const { return (causal && j > t) || (!pad.empty() && pad[b * s.Tk + j]); }
};

// Padding flags from a picture: '.' a real key, 'x' a padding key, spaces ignored.
std::vector<unsigned char> pad_from(const std::string& picture) {
  std::vector<unsigned char> p;
  for (char c : picture)
    if (c != ' ') p.push_back(c == 'x' ? 1 : 0);
  return p;
}

Problem make_problem(tf::AttentionShape s, bool causal, const std::string& pad_picture, Layout layout,
                     std::uint64_t seed) {
  Problem p;
  p.s = s;
  p.causal = causal;
  p.pad = pad_from(pad_picture);
  if (!p.pad.empty()) REQUIRE(p.pad.size() == static_cast<std::size_t>(s.B) * s.Tk);
  const int C = s.C, Nq = s.B * s.Tq, Nk = s.B * s.Tk;
  std::vector<std::size_t> sizes;
  switch (layout) {
    case Layout::Separate:
      p.q = {0, 1, C + 3}, p.k = {1, 0, C + 1}, p.v = {2, 2, C + 5};
      sizes = {1 + static_cast<std::size_t>(Nq) * (C + 3), static_cast<std::size_t>(Nk) * (C + 1),
               2 + static_cast<std::size_t>(Nk) * (C + 5)};
      break;
    case Layout::Packed:
      REQUIRE(s.Tq == s.Tk);
      p.q = {0, 0, 3 * C}, p.k = {0, C, 3 * C}, p.v = {0, 2 * C, 3 * C};
      sizes = {static_cast<std::size_t>(Nq) * 3 * C};
      break;
    case Layout::KvPacked:
      p.q = {0, 0, C}, p.k = {1, 0, 2 * C}, p.v = {1, C, 2 * C};
      sizes = {static_cast<std::size_t>(Nq) * C, static_cast<std::size_t>(Nk) * 2 * C};
      break;
  }
  tf::Rng rng(seed);
  for (std::size_t n : sizes) p.x.push_back(normal_vector(rng, n));
  p.r = normal_vector(rng, static_cast<std::size_t>(Nq) * C);
  return p;
}

std::vector<float> run_forward(const Problem& p, Cache& cache, bool ref = false) {
  std::vector<float> out(static_cast<std::size_t>(p.s.B) * p.s.Tq * p.s.C, NAN);
  if (ref) {
    tf::attention_forward_ref(out.data(), cache.view(), p.input(), p.s, p.mask());
  } else {
    tf::attention_forward(out.data(), cache.view(), p.input(), p.s, p.mask());
  }
  return out;
}

// Backward into g (which the caller pre-fills), from the cache of a forward pass.
void run_backward(const Problem& p, Cache& cache, Buffers& g, bool overwrite, bool ref = false) {
  std::vector<float> scratch(tf::attention_scratch_size(p.s), NAN);
  if (ref) {
    tf::attention_backward_ref(Problem::grads(p, g), p.r.data(), cache.view(), scratch.data(), p.s, p.mask(),
                               overwrite);
  } else {
    tf::attention_backward(Problem::grads(p, g), p.r.data(), cache.view(), scratch.data(), p.s, p.mask(), overwrite);
  }
}

void require_near(const std::vector<float>& got, const std::vector<float>& want, double margin) {
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("index " << i);
    REQUIRE(std::isfinite(got[i]));
    REQUIRE(got[i] == Approx(want[i]).margin(margin));
  }
}

// Probabilities: masked entries exactly 0, every row sums to 1 over its unmasked keys; a row with every
// key masked is all 0 and its head output is 0.
void check_probabilities(const Problem& p, const Cache& c) {
  const int B = p.s.B, H = p.s.H, Tq = p.s.Tq, Tk = p.s.Tk, D = p.D();
  for (int b = 0; b < B; ++b)
    for (int h = 0; h < H; ++h)
      for (int t = 0; t < Tq; ++t) {
        INFO("b " << b << " h " << h << " t " << t);
        const float* row = c.att.data() + ((static_cast<std::size_t>(b) * H + h) * Tq + t) * Tk;
        double sum = 0;
        int open = 0;
        for (int j = 0; j < Tk; ++j) {
          if (p.masked(b, t, j)) {
            REQUIRE(row[j] == 0.0f);
          } else {
            REQUIRE(row[j] >= 0.0f);
            sum += row[j];
            ++open;
          }
        }
        if (open > 0) {
          REQUIRE(sum == Approx(1.0).margin(1e-5));
        } else {
          const float* y = c.y.data() + ((static_cast<std::size_t>(b) * H + h) * Tq + t) * D;
          for (int i = 0; i < D; ++i) REQUIRE(y[i] == 0.0f);
        }
      }
}

struct Spec {
  const char* name;
  tf::AttentionShape s;
  bool causal;
  const char* pad;
};

// Self-attention cases also run in the packed GPT layout, cross-attention ones with packed keys/values.
const std::vector<Spec>& specs() {
  static const std::vector<Spec> all = {
      {"causal self, C=8 H=2", {2, 5, 5, 8, 2}, true, ""},
      {"causal self, D=3, right- and left-padded entries", {3, 6, 6, 12, 4}, true, "...... ....xx xx...."},
      {"causal self, long rows (SIMD softmax), padding inside and at the end",
       {1, 21, 21, 10, 2},
       true,
       "....x........x.....xx"},
      {"encoder self, no mask, D=4", {2, 6, 6, 12, 3}, false, ""},
      {"encoder self, key padding, D=5, an all-padding entry",
       {4, 7, 7, 10, 2},
       false,
       "....... .....xx ..x.x.. xxxxxxx"},
      {"cross Tq=5 Tk=7, D=3", {2, 5, 7, 12, 4}, false, ""},
      {"cross Tq=5 Tk=7, key padding", {2, 5, 7, 12, 4}, false, "......x ...xxxx"},
      {"cross Tq=7 Tk=3, D=5", {2, 7, 3, 10, 2}, false, ""},
      {"cross Tq=7 Tk=3, key padding, an all-padding entry", {3, 7, 3, 10, 2}, false, "..x xxx .x."},
      {"cross Tq=1 Tk=4 (one decoder step)", {2, 1, 4, 6, 3}, false, ".... ..xx"},
      {"cross Tq=3 Tk=37, D=8, long padded rows",
       {2, 3, 37, 16, 2},
       false,
       "....................................."
       " ....x.....x..................xxxxxxxx"},
  };
  return all;
}

std::vector<Layout> layouts_for(const tf::AttentionShape& s) {
  if (s.Tq == s.Tk) return {Layout::Separate, Layout::Packed};
  return {Layout::Separate, Layout::KvPacked};
}

}  // namespace

TEST_CASE("attention: the worked examples of attention.hpp", "[attention]") {
  for (bool ref : {false, true}) {
    INFO((ref ? "attention_forward_ref" : "attention_forward"));
    const float qk[] = {1, 2}, v[] = {10, 20};
    const tf::AttentionInput in{qk, 1, qk, 1, v, 1};
    auto forward = [&](const tf::AttentionShape& s, const tf::AttentionMask& mask, std::vector<float>& att) {
      Cache c(s);
      std::vector<float> out(s.B * s.Tq * s.C);
      if (ref) {
        tf::attention_forward_ref(out.data(), c.view(), in, s, mask);
      } else {
        tf::attention_forward(out.data(), c.view(), in, s, mask);
      }
      att = c.att;
      return out;
    };
    std::vector<float> att;
    // causal, T = 2, D = 1, q = k = [1, 2], v = [10, 20]
    auto out = forward({1, 2, 2, 1, 1}, {true, nullptr}, att);
    CHECK(att[0] == 1.0f);
    CHECK(att[1] == 0.0f);
    CHECK(att[2] == Approx(0.1192029f));
    CHECK(att[3] == Approx(0.8807971f));
    CHECK(out[0] == Approx(10.0f));
    CHECK(out[1] == Approx(18.807971f));
    // no causal mask, key 1 padded: both queries see key 0 only
    const unsigned char pad[] = {0, 1};
    out = forward({1, 2, 2, 1, 1}, {false, pad}, att);
    CHECK(att == std::vector<float>{1, 0, 1, 0});
    CHECK(out == std::vector<float>{10, 10});
    // cross-attention, one query q = [1] over keys k = [1, 2]
    out = forward({1, 1, 2, 1, 1}, {}, att);
    CHECK(att[0] == Approx(0.2689414f));
    CHECK(att[1] == Approx(0.7310586f));
    CHECK(out[0] == Approx(17.310586f));
  }
}

TEST_CASE("attention: SIMD core equals the scalar reference, probabilities and masks", "[attention]") {
  std::uint64_t seed = 100;
  for (const Spec& spec : specs()) {
    for (Layout layout : layouts_for(spec.s)) {
      INFO(spec.name << ", " << to_string(layout));
      const Problem p = make_problem(spec.s, spec.causal, spec.pad, layout, ++seed);
      Cache fast(p.s), ref(p.s);
      const auto out = run_forward(p, fast);
      const auto out_ref = run_forward(p, ref, /*ref=*/true);
      require_near(out, out_ref, 1e-5);
      CHECK(fast.q == ref.q);  // gathered copies
      CHECK(fast.k == ref.k);
      CHECK(fast.v == ref.v);
      require_near(fast.att, ref.att, 1e-6);
      require_near(fast.y, ref.y, 1e-5);
      require_near(fast.pre, ref.pre, 1e-5);
      check_probabilities(p, fast);
      check_probabilities(p, ref);
      // preatt holds the scaled scores Q·Kᵀ/√D of every entry, masked ones included
      const int D = p.D(), Tq = p.s.Tq, Tk = p.s.Tk;
      for (int bh = 0; bh < p.s.B * p.s.H; ++bh)
        for (int t = 0; t < Tq; ++t)
          for (int j = 0; j < Tk; ++j) {
            double dot = 0;
            for (int i = 0; i < D; ++i)
              dot += static_cast<double>(fast.q[(bh * Tq + t) * D + i]) * fast.k[(bh * Tk + j) * D + i];
            REQUIRE(fast.pre[(bh * Tq + t) * Tk + j] == Approx(dot / std::sqrt(D)).margin(1e-5));
          }
    }
  }
}

TEST_CASE("attention: backward equals the reference, overwrite and accumulate, central differences", "[attention]") {
  std::uint64_t seed = 200;
  for (const Spec& spec : specs()) {
    for (Layout layout : layouts_for(spec.s)) {
      INFO(spec.name << ", " << to_string(layout));
      Problem p = make_problem(spec.s, spec.causal, spec.pad, layout, ++seed);
      Cache cache(p.s);
      run_forward(p, cache);
      const auto used = p.used();
      tf::Rng rng(seed * 7);
      Buffers prefill;
      for (const auto& b : p.x) prefill.push_back(normal_vector(rng, b.size()));

      Buffers zeroed = p.filled(0.0f);  // accumulate into zeros: the gradient itself
      run_backward(p, cache, zeroed, /*overwrite=*/false);
      Buffers over = prefill;  // overwrite: the gradient, whatever was there; the gaps untouched
      run_backward(p, cache, over, /*overwrite=*/true);
      Buffers acc = prefill;  // accumulate: prefill + gradient, element by element, exactly
      run_backward(p, cache, acc, /*overwrite=*/false);
      for (std::size_t bi = 0; bi < p.x.size(); ++bi)
        for (std::size_t i = 0; i < p.x[bi].size(); ++i) {
          INFO("buffer " << bi << " index " << i);
          REQUIRE(std::isfinite(zeroed[bi][i]));
          REQUIRE(over[bi][i] == (used[bi][i] ? zeroed[bi][i] : prefill[bi][i]));
          REQUIRE(acc[bi][i] == prefill[bi][i] + zeroed[bi][i]);
          if (!used[bi][i]) REQUIRE(zeroed[bi][i] == 0.0f);
        }

      // the scalar twin: same gradient, and the same overwrite / accumulate behaviour
      Buffers ref_zeroed = p.filled(0.0f), ref_over = prefill, ref_acc = prefill;
      run_backward(p, cache, ref_zeroed, false, /*ref=*/true);
      run_backward(p, cache, ref_over, true, /*ref=*/true);
      run_backward(p, cache, ref_acc, false, /*ref=*/true);
      for (std::size_t bi = 0; bi < p.x.size(); ++bi) {
        INFO("buffer " << bi);
        require_near(ref_zeroed[bi], zeroed[bi], 1e-5);
        for (std::size_t i = 0; i < p.x[bi].size(); ++i) {
          INFO("index " << i);
          if (used[bi][i]) {
            REQUIRE(ref_over[bi][i] == Approx(zeroed[bi][i]).margin(1e-5));
          } else {
            REQUIRE(ref_over[bi][i] == prefill[bi][i]);
          }
          REQUIRE(ref_acc[bi][i] == Approx(prefill[bi][i] + zeroed[bi][i]).margin(1e-5));
        }
      }

      // central differences of Σ out ⊙ r with respect to every input buffer (separate: dQ, dK, dV each)
      std::vector<float> out;
      auto loss = [&] {
        out = run_forward(p, cache);
        return weighted_sum(out.data(), p.r);
      };
      for (std::size_t bi = 0; bi < p.x.size(); ++bi) {
        INFO("finite differences, buffer " << bi);
        CHECK(central_difference_error(p.x[bi], zeroed[bi], loss, 150, seed + bi) < 3e-3);
      }
    }
  }
}

TEST_CASE("attention: keys or queries that are all padding give zeros, not NaN, and no gradient", "[attention]") {
  // entry 1 of 2 is all padding (encoder self-attention); cross-attention over it as well
  for (const bool cross : {false, true}) {
    INFO((cross ? "cross Tq=4 Tk=5" : "self T=5"));
    const tf::AttentionShape s{2, cross ? 4 : 5, 5, 8, 2};
    Problem p = make_problem(s, false, "..x.. xxxxx", Layout::Separate, cross ? 31 : 32);
    Cache cache(p.s);
    const auto out = run_forward(p, cache);
    const std::size_t half_out = out.size() / 2, half_att = cache.att.size() / 2;
    for (std::size_t i = 0; i < half_out; ++i) REQUIRE(std::isfinite(out[i]));
    for (std::size_t i = half_out; i < out.size(); ++i) REQUIRE(out[i] == 0.0f);
    for (std::size_t i = half_att; i < cache.att.size(); ++i) REQUIRE(cache.att[i] == 0.0f);
    Buffers g = p.filled(0.0f);
    run_backward(p, cache, g, false);
    // rows of batch entry 1 start half-way through each buffer (give or take the offset)
    for (const Slot& sl : {p.q, p.k, p.v}) {
      const int rows = sl.buf == p.q.buf ? s.Tq : s.Tk;
      for (int row = rows; row < 2 * rows; ++row)
        for (int c = 0; c < s.C; ++c) REQUIRE(g[sl.buf][sl.offset + row * sl.stride + c] == 0.0f);
      bool some = false;  // entry 0 does get a gradient
      for (int row = 0; row < rows; ++row)
        for (int c = 0; c < s.C; ++c) some = some || g[sl.buf][sl.offset + row * sl.stride + c] != 0.0f;
      CHECK(some);
    }
  }
}

TEST_CASE("attention: padding keys at the end are the same as no such keys", "[attention]") {
  // non-causal, B = 1, T = 6 with the last 2 keys padded == cross-attention over the first 4 keys
  const tf::AttentionShape full{1, 6, 6, 12, 3}, cut{1, 6, 4, 12, 3};
  Problem p = make_problem(full, false, "....xx", Layout::Separate, 41);
  Problem q = p;
  q.s = cut;
  q.pad.clear();
  Cache cp(p.s), cq(q.s);
  const auto out_p = run_forward(p, cp), out_q = run_forward(q, cq);
  require_near(out_p, out_q, 1e-6);
  Buffers gp = p.filled(0.0f), gq = q.filled(0.0f);
  run_backward(p, cp, gp, true);
  run_backward(q, cq, gq, true);
  for (std::size_t bi = 0; bi < gp.size(); ++bi)
    for (std::size_t i = 0; i < gp[bi].size(); ++i) REQUIRE(gp[bi][i] == Approx(gq[bi][i]).margin(1e-6));
}

TEST_CASE("attention: a key_pad of all zeros changes nothing, bit for bit", "[attention]") {
  for (const bool causal : {true, false}) {
    INFO((causal ? "causal" : "no causal mask"));
    Problem p = make_problem({2, 9, 9, 12, 2}, causal, "", Layout::Packed, 51);
    Problem z = p;
    z.pad.assign(2 * 9, 0);
    Cache cp(p.s), cz(z.s);
    CHECK(run_forward(p, cp) == run_forward(z, cz));
    CHECK(cp.att == cz.att);
    CHECK(cp.pre == cz.pre);
    Buffers gp = p.filled(0.5f), gz = z.filled(0.5f);
    run_backward(p, cp, gp, false);
    run_backward(z, cz, gz, false);
    CHECK(gp == gz);
  }
}

TEST_CASE("attention: the GPT wrapper is the causal core over packed qkv, bit for bit", "[attention]") {
  const int B = 2, T = 11, C = 12, H = 3;
  Problem p = make_problem({B, T, T, C, H}, true, "", Layout::Packed, 61);
  std::vector<float>& qkv = p.x[0];
  Cache core(p.s), wrap(p.s);
  const auto out_core = run_forward(p, core);
  std::vector<float> out_wrap(out_core.size());
  tf::attention_forward(out_wrap.data(), wrap.view(), qkv.data(), B, T, C, H);
  CHECK(out_wrap == out_core);
  CHECK(wrap.q == core.q);
  CHECK(wrap.k == core.k);
  CHECK(wrap.v == core.v);
  CHECK(wrap.att == core.att);
  CHECK(wrap.y == core.y);
  CHECK(wrap.pre == core.pre);
  CHECK(tf::attention_scratch_size(T, C, H) == tf::attention_scratch_size(p.s));
  tf::Rng rng(62);
  const auto prefill = normal_vector(rng, qkv.size());
  std::vector<float> scratch(tf::attention_scratch_size(T, C, H));
  for (const bool overwrite : {true, false}) {
    INFO("overwrite " << overwrite);
    Buffers g = {prefill};
    run_backward(p, core, g, overwrite);
    auto dqkv = prefill;
    tf::attention_backward(dqkv.data(), p.r.data(), wrap.view(), scratch.data(), B, T, C, H, overwrite);
    CHECK(dqkv == g[0]);
  }
}

TEST_CASE("attention: causal wrapper, rows sum to 1, gradients by central differences", "[attention]") {
  const int B = 2, T = 5, C = 8, H = 2, D = C / H;
  tf::Rng rng(9);
  auto qkv = normal_vector(rng, B * T * 3 * C);
  const auto r = normal_vector(rng, B * T * C);
  std::vector<float> q(B * H * T * D), k(q.size()), v(q.size()), y(q.size()), att(B * H * T * T), out(B * T * C);
  const tf::AttentionCache cache{q.data(), k.data(), v.data(), att.data(), y.data(), nullptr};
  auto loss = [&] {
    tf::attention_forward(out.data(), cache, qkv.data(), B, T, C, H);
    return weighted_sum(out.data(), r);
  };
  loss();
  for (int row = 0; row < B * H * T; ++row) {
    double sum = 0;
    for (int s = 0; s < T; ++s) sum += att[row * T + s];
    CHECK(sum == Approx(1.0).epsilon(1e-6));
    for (int s = row % T + 1; s < T; ++s) CHECK(att[row * T + s] == 0.0f);  // causal mask
  }
  std::vector<float> scratch(tf::attention_scratch_size(T, C, H));
  std::vector<float> dqkv(qkv.size(), 0.0f);
  tf::attention_backward(dqkv.data(), r.data(), cache, scratch.data(), B, T, C, H);
  const auto p = normal_vector(rng, qkv.size());
  auto dqkv2 = p;
  tf::attention_backward(dqkv2.data(), r.data(), cache, scratch.data(), B, T, C, H);
  for (std::size_t i = 0; i < p.size(); ++i) REQUIRE(dqkv2[i] == p[i] + dqkv[i]);
  auto dqkv3 = p;  // overwrite: the same gradient whatever was in the buffer
  tf::attention_backward(dqkv3.data(), r.data(), cache, scratch.data(), B, T, C, H, /*overwrite=*/true);
  CHECK(dqkv3 == dqkv);
  CHECK(central_difference_error(qkv, dqkv, loss, 120, 10) < 3e-3);
}

TEST_CASE("attention: bad shapes throw attention_shape", "[attention]") {
  std::vector<float> buf(4096), out(4096);
  Cache c({1, 4, 4, 8, 2});
  const tf::AttentionInput in{buf.data(), 8, buf.data(), 8, buf.data(), 8};
  CHECK(code_of([&] {
          tf::attention_forward(out.data(), c.view(), in, {1, 3, 4, 8, 2}, {true, nullptr});
        }) == "attention_shape");  // causal needs Tq == Tk
  CHECK(code_of([&] {
          tf::attention_forward_ref(out.data(), c.view(), in, {1, 3, 4, 8, 2}, {true, nullptr});
        }) == "attention_shape");
  CHECK(code_of([&] {
          tf::attention_forward(out.data(), c.view(), in, {1, 4, 4, 8, 3}, {});
        }) == "attention_shape");  // C % H != 0
  CHECK(code_of([&] { tf::attention_forward(out.data(), c.view(), in, {1, 3, 4, 8, 2}, {}); }) == "none");
}
