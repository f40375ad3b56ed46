#include "data/en_grammar.hpp"

#include <cctype>

namespace tf::en {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
bool starts_with(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }
bool ends_with(const std::string& s, std::string_view p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}
bool is_vowel_letter(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool consonant_y(const std::string& w) { return w.size() >= 2 && w.back() == 'y' && !is_vowel_letter(w[w.size() - 2]); }
bool sibilant(const std::string& w) {
  return ends_with(w, "s") || ends_with(w, "x") || ends_with(w, "z") || ends_with(w, "ch") || ends_with(w, "sh");
}

}  // namespace

std::string indefinite_article(std::string_view word) {
  const std::string w = lower(word.substr(0, word.find(' ')));
  // The article follows the sound: "an hour", "a university".
  for (const char* p : {"hour", "honest", "honor", "heir"})
    if (starts_with(w, p)) return "an";
  for (const char* p : {"uni", "use", "usu", "eu", "one", "once"})
    if (starts_with(w, p)) return "a";
  return !w.empty() && is_vowel_letter(w[0]) ? "an" : "a";
}

std::string with_article(std::string_view noun_phrase) {
  return indefinite_article(noun_phrase) + " " + std::string(noun_phrase);
}

std::string plural(std::string_view noun) {
  // Only the last word changes: "police officer" -> "police officers".
  const std::size_t space = noun.rfind(' ');
  const std::string head = space == std::string_view::npos ? "" : std::string(noun.substr(0, space + 1));
  const std::string w(space == std::string_view::npos ? noun : noun.substr(space + 1));
  static const char* const irregular[][2] = {{"child", "children"}, {"person", "people"}, {"man", "men"},
                                             {"woman", "women"},    {"mouse", "mice"},    {"tooth", "teeth"},
                                             {"foot", "feet"},      {"fish", "fish"},     {"sheep", "sheep"},
                                             {"deer", "deer"},      {"knife", "knives"},  {"leaf", "leaves"}};
  for (const auto& p : irregular)
    if (w == p[0]) return head + p[1];
  if (sibilant(w)) return head + w + "es";                              // peach -> peaches
  if (consonant_y(w)) return head + w.substr(0, w.size() - 1) + "ies";  // puppy -> puppies
  for (const char* o : {"potato", "tomato", "hero", "echo"})
    if (w == o) return head + w + "es";  // potato -> potatoes
  return head + w + "s";
}

std::string third_person(std::string_view verb) {
  // Only the first word changes: "come back" -> "comes back".
  const std::size_t space = verb.find(' ');
  const std::string w(verb.substr(0, space));
  const std::string tail = space == std::string_view::npos ? "" : std::string(verb.substr(space));
  if (w == "have") return "has" + tail;
  if (w == "be") return "is" + tail;
  if (sibilant(w) || ends_with(w, "o")) return w + "es" + tail;         // watch -> watches, go -> goes
  if (consonant_y(w)) return w.substr(0, w.size() - 1) + "ies" + tail;  // cry -> cries
  return w + "s" + tail;
}

}  // namespace tf::en
