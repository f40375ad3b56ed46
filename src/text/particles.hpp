#pragma once
// A simple particle split for Korean text a learner types, so that word vectors see 고양이 once instead of
// 고양이는, 고양이가 and 고양이를 as three rare words:
//
//   split_particles("고양이는 귀엽다. 나는 고양이를 좋아한다")  →  "고양이 는 귀엽다. 나 는 고양이 를 좋아한다"
//
// The rule, per space-separated word:
//   1. the longest known particle or copula ending at the word's end (particle_list(): 은 는 이 가 을 를 와 과
//      의 에 에서 에게 께 도 만 으로 로 까지 부터 한테 처럼, and 이다 입니다 이에요 예요 이었다 였다 ...), with at
//      least one Hangul syllable left before it;
//   2. that agrees with the stem's last syllable (받침): 은 이 을 과 으로 after a final consonant, 는 가 를 와 로
//      after a vowel (로 also after ㄹ), 이에요 / 이었다 after a consonant, 예요 / 였다 after a vowel (이다 and
//      입니다 after either: 학생이다, 의사이다);
//   3. and a word that also occurs in the same text as the stem of another split (고양이 beside 고양이는, 사과
//      beside 사과를) is left whole.
// Punctuation at the end of a word (고양이는. 밥을?) is kept apart and written back after the particle.
//
// Limits (it knows no dictionary, so it guesses):
//   - a noun that ends in a syllable that looks like a particle and never appears with a particle in the text
//     is cut: 고양이 alone → 고양 이, 사이 → 사 이 (rule 3 saves it only when 고양이는 etc. are in the text);
//   - verb and adjective endings are not split (먹었다, 먹어요, 먹습니다 stay three words);
//   - stacked particles lose only the last one: 학교에서는 → 학교에서 는;
//   - a verb whose ending is also a particle form (보였다 → 보 였다) is cut;
//   - words with no Hangul, and particles after a non-Hangul word (ChatGPT는), are left as written.
// The generated corpora do not need this: their generator knows every particle (tinyformer corpus --name ko-words).
#include <string>
#include <string_view>
#include <vector>

namespace tf {

// The known particles and copula endings, longest first.
const std::vector<std::string>& particle_list();

struct WordSplit {
  std::string stem;      // "고양이"
  std::string particle;  // "는", or "" when nothing was split off
};
// Rules 1 and 2 for one word (no punctuation handling, no rule 3).
WordSplit split_word(std::string_view word);

// The whole text with rules 1–3; whitespace between words is kept as written (each split adds one space).
// `text` must be valid UTF-8 (tf::Error "invalid_utf8").
std::string split_particles(std::string_view text);

}  // namespace tf
