#pragma once
// The built-in corpora's lexicon as data: every content word of the vocabulary tables and of the
// frames' own tables, with its Korean base form, its main English form and a category.
//
//   {"밥", "rice", "foods"}   {"먹다", "eat", "verbs"}   {"귀엽다", "cute", "adjectives"}
//   {"형", "big brother", "people"}   {"아침", "morning", "times"}   {"화가 나다", "angry", "feelings"}
//
// Korean: the noun stem, or the dictionary form of a verb or adjective (먹다, 귀엽다, 받아 주다); a
// predicate that needs its noun keeps it (키가 크다 "tall", 화가 나다 "angry").
// English: the noun without article ("rice cake", "big brother"), the verb's base form ("eat",
// "come back"), the adjective. One entry per (ko, category); a word used in two senses lists its main
// one (닦다 "wipe", though the towel frame says "dry"; 하다 "do", though 축구를 하다 is "play soccer").
//
// Categories, a fixed set: people, animals, foods, things, places, times, numbers, verbs, adjectives,
// feelings. Not listed: adverbs (열심히, 천천히), the abstract nouns of the apology frames (사과
// "apology", 약속, 거짓말, 의미) and function words (이것, 위, 한).
#include <string>
#include <vector>

namespace tf {

struct LexiconEntry {
  std::string ko;
  std::string en;
  std::string category;
};

// Grouped by category, in the order of lexicon_categories(); built once.
const std::vector<LexiconEntry>& lexicon();

// "people", "animals", "foods", "things", "places", "times", "numbers", "verbs", "adjectives", "feelings".
const std::vector<std::string>& lexicon_categories();

}  // namespace tf
